import DifferentiableSolvers

/// The gradient estimators the example compares, by command-line name.
enum EstimatorChoice: String, CaseIterable, Codable {
    case aimleForward = "aimle-forward"
    case aimleCentral = "aimle-central"
    case imleForward = "imle-forward"
    case imleCentral = "imle-central"
    case gumbelSoftmax = "gumbel-softmax"

    /// The estimators to train, one per λ for IMLE; `aimleTarget` is AIMLE's target c.
    func estimators(lambdas: [Float], temperature: Float, edgeCount: Int, aimleTarget: Double = 1) -> [any GradientEstimator] {
        switch self {
        case .aimleForward: [.aimle(AIMLEConfiguration(scheme: .forward, targetNonZeros: aimleTarget))]
        case .aimleCentral: [.aimle(AIMLEConfiguration(scheme: .central, targetNonZeros: aimleTarget))]
        case .imleForward: lambdas.map { .imle(lambda: $0, scheme: .forward) }
        case .imleCentral: lambdas.map { .imle(lambda: $0, scheme: .central) }
        // Straight-through Gumbel-softmax with one softmax over all edges: the forward pass
        // keeps the hard Kruskal tree, the backward pass uses softmax((θ + ε) / t)'s Jacobian.
        case .gumbelSoftmax: [.gumbelSoftmax(temperature: temperature, blockSize: edgeCount)]
        }
    }

    /// The row label of the paper's Table 2, when it has one.
    var paperName: String {
        switch self {
        case .aimleForward: "AIMLE (Forward)"
        case .aimleCentral: "AIMLE (Central)"
        case .imleForward: "IMLE (Forward)"
        case .imleCentral: "IMLE (Central)"
        case .gumbelSoftmax: "SST (Hard)"
        }
    }
}
