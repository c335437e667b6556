import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import _ExampleSupport

/// One synthetic problem of the study: z is a k-subset of n (k = 1: one-hot), the loss is
/// f(z) = ‖z − b‖², θ ~ N(0, I) and b ~ N(0, I) (or |N(0, I)| as in torch-adaptive-imle's
/// k-subset gradient study).
struct FidelityProblem: Sendable, Codable, Hashable {
    let n: Int
    let k: Int
    let absoluteTarget: Bool

    var name: String { k == 1 ? "categorical-n\(n)" : "subset-n\(n)-k\(k)" }
    var title: String { k == 1 ? "one-hot, n = \(n)" : "\(k)-subset of \(n)" }

    /// What the estimates are compared with. For one-hot z the exponential family
    /// p(z) ∝ exp⟨z, θ⟩ is the softmax, which Gumbel-max samples exactly, so its gradient is
    /// the exact gradient of what the estimators sample. For k-subsets it is the reference of
    /// torch-adaptive-imle's study, but Gumbel top-k samples the Plackett–Luce distribution
    /// without replacement instead, a different distribution; the cosine then measures
    /// agreement with that reference, not exactness.
    var reference: String {
        k == 1 ? "the exact gradient" : "the gradient of the exponential family over k-subsets (not the Gumbel top-k distribution)"
    }

    /// A short form of ``reference`` for axis labels.
    var referenceLabel: String { k == 1 ? "cosine with exact gradient" : "cosine with exp.-family gradient" }
}

/// An estimator as the study runs it.
struct FidelityMethod: Sendable {
    let name: String
    let estimator: any GradientEstimator
    /// Forward/backward passes on the same problem before the measured one (AIMLE's α).
    let warmUp: Int
    /// The λ of IMLE, for the λ sweep.
    let lambda: Double?

    /// Estimators with a leave-one-out baseline need S ≥ 2.
    var needsSeveralSamples: Bool {
        estimator is ScoreFunction || estimator is PerturbedOptimizer
    }
}

/// The cosine similarities of one method at one sample count over all seeds.
struct FidelityMeasurement: Sendable, Codable {
    let problem: String
    let method: String
    let lambda: Double?
    let samples: Int
    let cosines: [Double]
    var mean: Double { cosines.reduce(0, +) / Double(max(cosines.count, 1)) }
    var standardDeviation: Double {
        guard cosines.count > 1 else { return 0 }
        let m = mean
        return (cosines.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(cosines.count - 1)).squareRoot()
    }
}

/// Runs the estimators of the study on seeded problems and measures the cosine similarity
/// of their estimates with the gradient of the exponential family over the feasible set, by
/// enumeration (see ``FidelityProblem/reference`` for what that is for k-subsets).
struct FidelityStudy: Sendable {
    let problem: FidelityProblem
    let seeds: Int
    let truths: [(theta: [Float], target: [Float], gradient: [Double])]

    init(problem: FidelityProblem, seeds: Int) throws {
        self.problem = problem
        self.seeds = seeds
        let exact = try ExactDistribution.kSubset(n: problem.n, k: problem.k)
        truths = (0..<seeds).map { seed in
            var generator = SeededGenerator(seed: 2023, stream: [UInt64(problem.n), UInt64(problem.k), UInt64(seed)])
            let theta = (0..<problem.n).map { _ in Float(generator.nextNormal()) }
            let target = (0..<problem.n).map { _ in
                let value = Float(generator.nextNormal())
                return problem.absoluteTarget ? abs(value) : value
            }
            return (theta, target, exact.gradient(of: { Self.loss($0, target) }, at: theta))
        }
    }

    static func loss(_ z: [Float], _ target: [Float]) -> Double {
        zip(z, target).reduce(0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
    }

    /// The cosine similarity of `method` with S samples on every seed, seeds in parallel.
    func measure(_ method: FidelityMethod, samples: Int, progress: ProgressBar) throws -> FidelityMeasurement {
        let chunks = try parallelChunks(count: seeds, parallelism: .automatic) {
            (range: Range<Int>) throws(LayerError) -> [Double] in
            var cosines: [Double] = []
            for seed in range {
                cosines.append(try estimateCosine(method, samples: samples, seed: seed))
                progress.advance()
            }
            return cosines
        }
        return FidelityMeasurement(problem: problem.name, method: method.name, lambda: method.lambda,
                                   samples: samples, cosines: Array(chunks.joined()))
    }

    private func estimateCosine(_ method: FidelityMethod, samples: Int, seed: Int) throws(LayerError) -> Double {
        let (theta, target, truth) = truths[seed]
        var layer = DifferentiableSolverLayer(solver: TopK(k: problem.k), estimator: method.estimator, noise: .gumbel,
                                              samples: samples, seed: UInt64(seed), parallelism: .serial)
        let input = Matrix(rows: 1, columns: problem.n, values: theta)
        var estimate: [Float] = []
        for _ in 0...method.warmUp {
            let (z, tape) = try layer.forward(input)
            var upstream = z
            for i in upstream.values.indices { upstream.values[i] = 2 * (z.values[i] - target[i % problem.n]) }
            let losses = z.rowArrays.map { Float(Self.loss($0, target)) }
            let scorer: CandidateScorer = { candidates, _ in candidates.rowArrays.map { Float(Self.loss($0, target)) } }
            estimate = try layer.backward(upstream, tape, context: BackwardContext(sampleLosses: losses, scorer: scorer)).values
        }
        do { return try cosineSimilarity(estimate, truth) } catch { return .nan }
    }
}
