import DifferentiableSolvers
import Testing

/// One configuration of every gradient estimator (every difference scheme, both direct-loss
/// modes, both perturbed-optimiser forms), for a solver of one-hot blocks of three entries.
enum Estimators {
    static let all: [NamedEstimator] = [
        NamedEstimator("imle.forward", .imle(lambda: 10)),
        NamedEstimator("imle.backward", .imle(lambda: 10, scheme: .backward)),
        NamedEstimator("imle.central", .imle(lambda: 10, scheme: .central, targetScale: 2)),
        NamedEstimator("aimle.forward", .aimle()),
        NamedEstimator("aimle.central", .aimle(scheme: .central)),
        NamedEstimator("straight-through", .straightThrough),
        NamedEstimator("score-function", .scoreFunction),
        NamedEstimator("direct-loss.first-order", .directLoss(DirectLossConfiguration())),
        NamedEstimator("direct-loss.exact", .directLoss(DirectLossConfiguration(mode: .exact(blockSize: 3)))),
        NamedEstimator("blackbox", .blackbox(lambda: 5)),
        NamedEstimator("perturbed-optimizer", .perturbedOptimizer(PerturbedOptimizerConfiguration())),
        NamedEstimator("perturbed-optimizer.multiplicative",
                       .perturbedOptimizer(PerturbedOptimizerConfiguration(multiplicative: true))),
        NamedEstimator("gumbel-softmax", .gumbelSoftmax(temperature: 0.5, blockSize: 3)),
    ]

    /// The case name of an estimator. The switch is exhaustive on purpose: a new estimator
    /// does not compile here until it is named, and ``EstimatorCoverageTests`` then asks for
    /// a configuration of it in ``all``.
    static func caseName(_ estimator: GradientEstimator) -> String {
        switch estimator {
        case .imle: "imle"
        case .aimle: "aimle"
        case .straightThrough: "straightThrough"
        case .scoreFunction: "scoreFunction"
        case .directLoss: "directLoss"
        case .blackbox: "blackbox"
        case .perturbedOptimizer: "perturbedOptimizer"
        case .gumbelSoftmax: "gumbelSoftmax"
        }
    }

    static let caseCount = 8

    static func squaredDistance(_ z: [Float], _ target: [Float]) -> Float {
        zip(z, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    /// ∂L/∂z = 2(z − target) for every row of `z`.
    static func gradient(of z: Matrix, target: [Float]) -> Matrix {
        var gradient = z
        for r in 0..<z.rows {
            for j in 0..<z.columns { gradient[r, j] = 2 * (z[r, j] - target[j]) }
        }
        return gradient
    }
}

/// An estimator with a readable name for parameterised tests.
struct NamedEstimator: Sendable, CustomTestStringConvertible {
    var name: String
    var estimator: GradientEstimator
    init(_ name: String, _ estimator: GradientEstimator) { (self.name, self.estimator) = (name, estimator) }
    var testDescription: String { name }
}

@Suite("Estimator coverage")
struct EstimatorCoverageTests {
    @Test("every estimator case has a configuration in the reliability tests")
    func everyCase() {
        #expect(Set(Estimators.all.map { Estimators.caseName($0.estimator) }).count == Estimators.caseCount)
    }
}
