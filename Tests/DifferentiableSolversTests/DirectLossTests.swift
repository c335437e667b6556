import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import Testing

@Suite("Direct loss minimisation, blackbox and Gumbel-softmax")
struct DirectLossTests {
    /// The loss of every candidate, f(z) = ‖z − b‖² (quadratic: not linear in z).
    static func scorer(_ b: [Float]) -> CandidateScorer {
        { candidates, _ in candidates.rowArrays.map { Float(squaredDistance($0, b)) } }
    }

    @Test("for a loss linear in z, the exact mode equals the first-order mode", arguments: [1, 2])
    func linearLoss(blocks: Int) throws {
        let n = 5 * blocks
        let theta = normalMatrix(rows: 3, columns: n, seed: 3)
        let a = normalMatrix(rows: 1, columns: n, seed: 4).values
        let solver = try BlockTopK(blockSize: 5)
        func gradient(_ mode: DirectLossConfiguration.Mode) throws -> Matrix {
            var layer = DifferentiableSolverLayer(solver: solver,
                                                  estimator: .directLoss(.init(mode: mode, epsilon: .constant(0.7))),
                                                  samples: 7, seed: 5)
            let (z, tape) = try layer.forward(theta)
            let upstream = Matrix(rows: z.rows, columns: n, values: (0..<z.rows).flatMap { _ in a })
            let linear: CandidateScorer = { candidates, _ in
                candidates.rowArrays.map { zip($0, a).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
            }
            return try layer.backward(upstream, tape, context: BackwardContext(scorer: linear))
        }
        let firstOrder = try gradient(.firstOrder), exact = try gradient(.exact(blockSize: 5))
        #expect(firstOrder.values.contains { $0 != 0 })
        for j in firstOrder.values.indices { #expect(abs(firstOrder.values[j] - exact.values[j]) < 1e-5) }
    }

    @Test("for a non-linear loss, the exact mode is closer to the exact gradient on average")
    func nonLinearLoss() throws {
        let n = 8
        let distribution = try ExactDistribution.categorical(n: n)
        var exactTotal = 0.0, firstOrderTotal = 0.0
        for seed in 0..<12 {
            let theta = normalMatrix(rows: 1, columns: n, seed: UInt64(40 + seed))
            let b = normalMatrix(rows: 1, columns: n, seed: UInt64(60 + seed)).values.map { 2 * $0 }
            let truth = distribution.gradient(of: { squaredDistance($0, b) }, at: theta.values)
            for (mode, isExact) in [(DirectLossConfiguration.Mode.exact(blockSize: n), true), (.firstOrder, false)] {
                var layer = DifferentiableSolverLayer(solver: Argmax(),
                                                      estimator: .directLoss(.init(mode: mode, epsilon: .constant(1))),
                                                      samples: 2000, seed: UInt64(seed))
                let (z, tape) = try layer.forward(theta)
                let estimate = try layer.backward(squaredDistanceGradient(z, b), tape, context: BackwardContext(scorer: Self.scorer(b)))
                let cosine = try cosineSimilarity(estimate.values, truth)
                if isExact { exactTotal += cosine } else { firstOrderTotal += cosine }
            }
        }
        #expect(exactTotal > firstOrderTotal, "exact \(exactTotal / 12), first-order \(firstOrderTotal / 12)")
        #expect(exactTotal / 12 > 0.8)
    }

    @Test("the exact mode picks the loss-augmented argmax of one hand-checked categorical sample")
    func handChecked() throws {
        // No noise: z = MAP(θ) = e₀. With ε = 1 the augmented scores ⟨z′, θ⟩ − L(z′) are
        // 2 − 4 = −2, 1.5 − 0 = 1.5 and 0 − 1 = −1: z_ε = e₁, so ∂L/∂θ = (z − z_ε)/ε = (1, −1, 0).
        var layer = DifferentiableSolverLayer(solver: Argmax(), estimator: .directLoss(.init(mode: .exact(blockSize: 3))),
                                              noise: .none, samples: 1)
        let (z, tape) = try layer.forward(Matrix(rows: 1, columns: 3, values: [2, 1.5, 0]))
        #expect(z.values == [1, 0, 0])
        let losses: [[Float]: Float] = [[1, 0, 0]: 4, [0, 1, 0]: 0, [0, 0, 1]: 1]
        var seen: [[Float]] = []
        let scorer: CandidateScorer = { candidates, rows in
            #expect(rows == [0, 0, 0])
            seen = candidates.rowArrays
            return candidates.rowArrays.map { losses[$0]! }
        }
        let gradient = try layer.backward(z, tape, context: BackwardContext(scorer: scorer))
        #expect(Set(seen) == Set(losses.keys))
        #expect(gradient.values == [1, -1, 0])
    }

    @Test("the ε schedule anneals as the paper's: exp(−10⁻⁵ t) every 500 steps, floor 0.1")
    func epsilonSchedule() {
        let schedule = EpsilonSchedule.paper
        #expect(schedule.value(atStep: 0) == 1)
        #expect(schedule.value(atStep: 499) == 1)
        #expect(abs(schedule.value(atStep: 500) - exp(-0.005)) < 1e-12)
        #expect(abs(schedule.value(atStep: 100_000) - exp(-1)) < 1e-12)
        #expect(schedule.value(atStep: 10_000_000) == 0.1)
    }

    @Test("blackbox differentiation follows the published formula step by step")
    func blackbox() throws {
        // Three disjoint "paths" with costs θ; the solver picks the cheapest (minimisation).
        // Vlastelica et al. 2020: θ′ = θ + λ ∂L/∂z, z_λ = MAP(θ′), ∂L/∂θ = −(z − z_λ)/λ.
        var layer = DifferentiableSolverLayer(solver: Argmax(sense: .minimize), estimator: .blackbox(lambda: 2),
                                              noise: .none, samples: 1)
        let theta: [Float] = [1, 2, 3]
        let (z, tape) = try layer.forward(Matrix(rows: 1, columns: 3, values: theta))
        #expect(z.values == [1, 0, 0])
        let upstream: [Float] = [0.4, 0, -0.2]
        let perturbed = zip(theta, upstream).map { $0 + 2 * $1 }                    // [1.8, 2, 2.6]
        let zLambda = try Argmax(sense: .minimize).solve(row: perturbed)           // still path 0
        #expect(try layer.backward(Matrix(rows: 1, columns: 3, values: upstream), tape).values
                == zip(z.values, zLambda).map { -($0 - $1) / 2 })
        let stronger: [Float] = [1, 0, 0]                                          // θ′ = [3, 2, 3]
        let zStrong = try Argmax(sense: .minimize).solve(row: zip(theta, stronger).map { $0 + 2 * $1 })
        #expect(zStrong == [0, 1, 0])
        #expect(try layer.backward(Matrix(rows: 1, columns: 3, values: stronger), tape).values == [-0.5, 0.5, 0])
    }

    @Test("straight-through Gumbel-softmax applies the softmax Jacobian of the forward logits")
    func gumbelSoftmax() throws {
        let t: Float = 0.8
        let solver = try BlockTopK(blockSize: 4)
        var layer = DifferentiableSolverLayer(solver: solver, estimator: .gumbelSoftmax(temperature: t, blockSize: 4),
                                              samples: 1, seed: 2)
        let theta = normalMatrix(rows: 1, columns: 8, seed: 9)
        let (z, tape) = try layer.forward(theta)
        let upstream = normalMatrix(rows: 1, columns: 8, seed: 10)
        let gradient = try layer.backward(upstream, tape).values
        // Finite differences of ⟨softmax((θ + g)/t), dy⟩ per block, with the recorded g.
        func relaxed(_ x: [Float]) -> Double {
            var total = 0.0
            for block in stride(from: 0, to: 8, by: 4) {
                let logits = (block..<block + 4).map { Double(x[$0] + tape.noise[0, $0]) / Double(t) }
                let top = logits.max()!
                let weights = logits.map { exp($0 - top) }
                for j in 0..<4 { total += weights[j] / weights.reduce(0, +) * Double(upstream[0, block + j]) }
            }
            return total
        }
        for j in 0..<8 {
            var plus = theta.values, minus = theta.values
            plus[j] += 1e-3
            minus[j] -= 1e-3
            #expect(abs((relaxed(plus) - relaxed(minus)) / 2e-3 - Double(gradient[j])) < 1e-3)
        }
        #expect(z.values.reduce(0, +) == 2)
    }

    @Test("bad settings and scorers are typed errors")
    func errors() throws {
        let theta = normalMatrix(rows: 1, columns: 4, seed: 1)
        var exact = DifferentiableSolverLayer(solver: Argmax(), estimator: .directLoss(.init(mode: .exact(blockSize: 4))))
        let (z, tape) = try exact.forward(theta)
        #expect(throws: LayerError.self) { try exact.backward(z, tape) }                         // no scorer
        #expect(throws: LayerError.self) { try exact.backward(z, tape, context: BackwardContext(scorer: { _, _ in [1] })) }  // wrong count
        #expect(throws: LayerError.self) {
            try exact.backward(z, tape, context: BackwardContext(scorer: { c, _ in c.rowArrays.map { _ in .nan } }))
        }
        for estimator: any GradientEstimator in [.directLoss(.init(epsilon: .constant(0))), .directLoss(.init(epsilon: .constant(-1))),
                          .blackbox(lambda: 0), .gumbelSoftmax(temperature: 0, blockSize: 4),
                          .directLoss(.init(mode: .exact(blockSize: 1)))] {
            var layer = DifferentiableSolverLayer(solver: Argmax(), estimator: estimator)
            #expect(throws: LayerError.self) { try layer.forward(theta) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
