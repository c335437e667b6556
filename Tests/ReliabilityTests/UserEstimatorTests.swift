import CombinatorialSolvers
import DifferentiableSolvers
import Testing

/// Estimators defined in this test target, outside the core, train a layer and keep their
/// state in it.
@Suite("Estimators defined outside the core")
struct UserEstimatorTests {
    /// Gradient descent with the sign straight-through estimator moves θ until top-3 selects
    /// the target set.
    @Test("the sign straight-through estimator trains top-k to a target selection")
    func signStraightThroughTrains() throws {
        let target: [Float] = [0, 1, 0, 0, 1, 1, 0, 0]
        var layer = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: SignStraightThrough(),
                                              noise: .gumbel, samples: 4, seed: 3, forwardTemperature: 0.1)
        var theta = Matrix(rows: 1, columns: 8, values: [1, 0.5, 0.9, 0.8, 0, -0.5, 0.7, 0.6])
        let start = try TopK(k: 3).solveBatch(theta, parallelism: .serial)
        #expect(start.values != target)
        for _ in 0..<60 {
            let (z, tape) = try layer.forward(theta)
            var dLdz = z
            for r in 0..<z.rows { for j in 0..<8 { dLdz[r, j] = 2 * (z[r, j] - target[j]) } }
            let gradient = try layer.backward(dLdz, tape)
            for j in 0..<8 { theta[0, j] -= 0.05 * gradient[0, j] }
        }
        let end = try TopK(k: 3).solveBatch(theta, parallelism: .serial)
        #expect(end.values == target)
    }

    /// The layer starts the state with `makeState()`, advances it with every backward pass,
    /// shares it with its copies, keeps it when the estimator is replaced by another value of
    /// the same type, and restores it.
    @Test("a user estimator's state advances, is shared with copies and restores")
    func userState() throws {
        var layer = DifferentiableSolverLayer(solver: TopK(k: 2), estimator: DecayingStraightThrough(), samples: 2, seed: 1)
        #expect(layer.estimatorState(Int.self) == 0)
        let theta = Matrix(rows: 2, columns: 5, values: [1, 2, 3, 4, 5, 5, 4, 3, 2, 1])
        let (z, tape) = try layer.forward(theta)
        let first = try layer.backward(z, tape)
        let copy = layer
        let second = try copy.backward(z, tape)
        #expect(layer.estimatorState(Int.self) == 2)
        #expect(second.values == first.values.map { $0 / 2 })
        layer.estimator = DecayingStraightThrough()
        _ = try layer.backward(z, tape)
        #expect(layer.estimatorState(Int.self) == 3)
        layer.restoreEstimatorState(0)
        #expect(try layer.backward(z, tape).values == first.values)
    }

    /// The description maps the package's estimators and refuses ones it does not know.
    @Test("the Codable description covers the package's estimators only")
    func description() throws {
        #expect(EstimatorDescription(SignStraightThrough()) == nil)
        for named in Estimators.all where !(named.estimator is SignStraightThrough) {
            let description = try #require(EstimatorDescription(named.estimator), "\(named.name)")
            #expect(description.name == named.estimator.name)
            #expect(EstimatorDescription(description.estimator) == description)
        }
    }
}
