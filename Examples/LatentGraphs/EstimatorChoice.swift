import DifferentiableSolvers
import _ExampleSupport

/// The gradient estimators the example compares, named on the command line by the package's
/// estimator names without numbers, read by `EstimatorDescription.Family(named:)` (see
/// ``init(parsing:)``); the raw values are the labels of records and tables. The numbers come
/// from the command's options: AIMLE's target from `--aimle-target`, IMLE's λ from `--lambda`
/// or the `--lambdas` sweep, Gumbel-softmax's temperature from `--temperature` (one block
/// over all edges).
enum EstimatorChoice: String, CaseIterable, Codable, EstimatorVocabulary {
    case aimleForward = "aimle-forward"
    case aimleCentral = "aimle-central"
    case imleForward = "imle-forward"
    case imleCentral = "imle-central"
    case gumbelSoftmax = "gumbel-softmax"

    /// The estimator an item names: `aimle-forward`, `aimle-central` (or `aimle`),
    /// `imle-forward` (or `imle`), `imle-central`, `gumbel-softmax`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for an unknown name, numbers after the
    ///   name, or a package estimator the example does not compare.
    init(parsing item: EstimatorItem) throws(ExampleError) {
        let names = Self.allCases.map(\.rawValue).joined(separator: ", ")
        switch try item.packageFamily(otherwise: names, numbersFrom: "--aimle-target, --lambda(s) and --temperature") {
        case .aimle(.forward): self = .aimleForward
        case .aimle(.central): self = .aimleCentral
        case .imle(.forward): self = .imleForward
        case .imle(.central): self = .imleCentral
        case .gumbelSoftmax: self = .gumbelSoftmax
        case .aimle(.backward), .imle(.backward), .blackbox, .directLoss, .perturbedOptimizer, .scoreFunction, .straightThrough:
            throw ExampleError("estimator '\(item)' is not compared in the latent-graph example; use one of \(names)")
        }
    }

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
