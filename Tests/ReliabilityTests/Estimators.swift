import DifferentiableSolvers
import Testing

/// One configuration of every gradient estimator (every difference scheme, both direct-loss
/// modes, both perturbed-optimiser forms, and ``SignStraightThrough``, defined in this test
/// target), for a solver of one-hot blocks of three entries.
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
        // Defined in this test target, against the public protocol only.
        NamedEstimator("sign-straight-through", SignStraightThrough()),
    ]

    /// The type name of an estimator: ``EstimatorCoverageTests`` asks for a configuration of
    /// every estimator type that ``EstimatorDescription`` knows, and of the test-defined ones.
    static func caseName(_ estimator: any GradientEstimator) -> String {
        String(describing: type(of: estimator))
    }

    static let caseCount = 9

    /// A fresh AIMLE state with α = 0.5, set explicitly. A state built from the configuration
    /// starts at α₀ = 0, where λ = 0 and the backward pass never calls the solver, so every
    /// AIMLE gradient would be zero and any comparison of them vacuous. Estimators other than
    /// AIMLE ignore it.
    static func warmState() -> AdaptiveState {
        AdaptiveState(AdaptiveState.Snapshot(alpha: 0.5, nonZeroAverage: 1))
    }

    /// A fixed linear term of the test loss. Without it, ∂L/∂z = 2(z − target) at a MAP state z
    /// points from the target towards z, so MAP(φ + ε + λ∇) = z and the backward difference
    /// scheme is zero on every input, which would make its comparisons vacuous.
    static let tilt: [Float] = [1.5, -2, 0.5, -1, 2.5, -0.5]

    /// The test loss L(z) = ‖z − target‖² + ⟨tilt, z⟩ (the tilt repeated along z).
    static func loss(_ z: [Float], _ target: [Float]) -> Float {
        zip(z, target).enumerated().reduce(0) { total, entry in
            let (j, (value, goal)) = entry
            return total + (value - goal) * (value - goal) + tilt[j % tilt.count] * value
        }
    }

    /// ∂L/∂z = 2(z − target) + tilt for every row of `z`.
    static func gradient(of z: Matrix, target: [Float]) -> Matrix {
        var gradient = z
        for r in 0..<z.rows {
            for j in 0..<z.columns { gradient[r, j] = 2 * (z[r, j] - target[j]) + tilt[j % tilt.count] }
        }
        return gradient
    }
}

/// An estimator with a readable name for parameterised tests.
struct NamedEstimator: Sendable, CustomTestStringConvertible {
    var name: String
    var estimator: any GradientEstimator
    init(_ name: String, _ estimator: any GradientEstimator) { (self.name, self.estimator) = (name, estimator) }
    var testDescription: String { name }
}

@Suite("Estimator coverage")
struct EstimatorCoverageTests {
    @Test("every estimator case has a configuration in the reliability tests")
    func everyCase() {
        #expect(Set(Estimators.all.map { Estimators.caseName($0.estimator) }).count == Estimators.caseCount)
    }
}
