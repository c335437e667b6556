import DifferentiableSolvers
import CombinatorialSolvers
import DsolveCore
import Testing
import _TestSupport

/// Gradients for a fixed seed are bit-identical for 1, 2 and 8 worker threads and across runs.
@Suite("Determinism across thread counts and runs")
struct DeterminismTests {
    static let threadCounts = [1, 2, 8]

    /// The bit patterns of a run's samples and gradients.
    struct Bits: Equatable {
        var samples: [UInt32] = []
        var gradients: [UInt32] = []
        /// Whether some gradient entry is non-zero (−0 counts as zero).
        var hasNonZeroGradient: Bool { gradients.contains { Float(bitPattern: $0) != 0 } }
    }

    /// Two training steps (so that AIMLE's adaptive state moves, from a warm α) on 24 rows of
    /// 6 entries, 3 samples each; returns the bit patterns of z and of both gradients.
    static func trainingSteps(_ estimator: any GradientEstimator, noise: NoiseDistribution, threads: Int) throws -> Bits {
        var layer = DifferentiableSolverLayer(solver: try BlockTopK(blockSize: 3, k: 1), estimator: estimator, noise: noise,
                                              samples: 3, seed: 2024, parallelism: .threads(threads),
                                              adaptiveState: Estimators.warmState())
        let target: [Float] = [1, 0, 0, 0, 1, 0]
        var theta = Matrix(stacking: (0..<24).map { r in (0..<6).map { j in Float((r * 7 + j * 5) % 11) / 4 + 0.25 } })
        var bits = Bits()
        for _ in 0..<2 {
            let (z, tape) = try layer.forward(theta)
            let losses = (0..<z.rows).map { Estimators.loss(z.row($0), target) }
            let scorer: CandidateScorer = { candidates, _ in
                (0..<candidates.rows).map { Estimators.loss(candidates.row($0), target) }
            }
            let gradient = try layer.backward(Estimators.gradient(of: z, target: target), tape,
                                              context: BackwardContext(sampleLosses: losses, scorer: scorer))
            bits.samples += z.values.map(\.bitPattern)
            bits.gradients += gradient.values.map(\.bitPattern)
            for i in theta.values.indices { theta.values[i] += 0.125 }
        }
        return bits
    }

    @Test("every estimator: identical bits for 1, 2 and 8 threads and a repeated run", arguments: Estimators.all)
    func estimator(_ named: NamedEstimator) throws {
        // The perturbed optimiser takes normal noise (Berthet et al. 2020); the others Gumbel and Sum-of-Gamma.
        let noises: [NoiseDistribution] = if named.estimator is PerturbedOptimizer { [.normal] }
            else { [.gumbel, .sumOfGamma(k: 3, iterations: 4)] }
        for noise in noises {
            let reference = try Self.trainingSteps(named.estimator, noise: noise, threads: 1)
            #expect(reference.hasNonZeroGradient, "\(named.name), \(noise): zero gradients make the comparison vacuous")
            for threads in Self.threadCounts {
                #expect(try Self.trainingSteps(named.estimator, noise: noise, threads: threads) == reference,
                        "\(named.name), \(noise): \(threads) threads differ from a one-thread run")
            }
        }
    }

    @Test("every registered solver: identical AIMLE gradients for 1, 2 and 8 threads", arguments: RegisteredSolvers.names)
    func registeredSolver(_ name: String) throws {
        let (solver, n) = try RegisteredSolvers.small(name)
        let theta = Matrix(stacking: RegisteredSolvers.rows(solver, variables: n, count: 16))
        func gradientBits(threads: Int) throws -> Bits {
            var layer = DifferentiableSolverLayer(solver: solver, estimator: .aimle(scheme: .central), samples: 2, seed: 9,
                                                  parallelism: .threads(threads),
                                                  perturbationFloor: solver.parameterDomain.perturbationFloor,
                                                  adaptiveState: Estimators.warmState())
            let (z, tape) = try layer.forward(theta)
            var dLdz = z
            for i in dLdz.values.indices { dLdz.values[i] = Float(i % 5) - 2 }
            let gradient = try layer.backward(dLdz, tape)
            return Bits(samples: z.values.map(\.bitPattern), gradients: gradient.values.map(\.bitPattern))
        }
        let reference = try gradientBits(threads: 1)
        #expect(reference.hasNonZeroGradient, "\(name): zero AIMLE gradients make the comparison vacuous")
        for threads in Self.threadCounts.dropFirst() {
            #expect(try gradientBits(threads: threads) == reference, "\(name): \(threads) threads differ from one")
        }
    }
}
