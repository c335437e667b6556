import _Differentiation
import DifferentiableSolvers
import GraphCutSolver
import TensorLayers
import _ExampleSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A VAE with a structured binary latent (Lorberbom et al. 2019, §4.1 and Fig. 3): the
/// encoder predicts unaries θᵢ and raw pairwise weights;
/// z = argmax_z Σᵢ (θᵢ + γᵢ) zᵢ + Σᵢⱼ wᵢⱼ zᵢ zⱼ is found by the ``PairwiseBinarySolver`` —
/// a minimum cut (``GraphCutSolver``, weights made supermodular by softplus) or an integer
/// program (``GeneralPairwiseSolver``, weights of any sign) — with logistic noise γᵢ on the
/// unaries (the difference of two Gumbels: the low-dimensional perturbation of the paper).
/// The decoder sees z₁ … zₙ.
///
/// Trained with direct optimisation under the paper's low-dimensional approximation: the
/// decoder loss is replaced by its unary expansion around the sample,
/// Δᵢ = L(z with zᵢ = 1) − L(z with zᵢ = 0), so that the loss-augmented MAP
/// z_ε = MAP(θ + γ − ε Δ) is again a pairwise MAP, and ∇θ ≈ (z − z_ε)/ε on every sufficient
/// statistic, pairwise ones included. With no edges this is the unstructured binary encoder.
///
/// The KL term is that of independent Bernoulli(σ(θᵢ)) posteriors to Bernoulli(½) priors,
/// which ignores the pairwise terms (a bound on the mean-field part only).
///
/// ```swift
/// let pairs = (0..<20).flatMap { i in (i + 1 ..< 20).map { (i, $0) } }
/// let solver = try GraphCutSolver(nodeCount: 20, edges: pairs)            // θ: 20 + 190 entries
/// var vae = try StructuredVAE(encoder: ShallowPerceptron(sizes: (784, 300, solver.variableCount!), using: &rng),
///                             decoder: ShallowPerceptron(sizes: (20, 300, 784), using: &rng),
///                             solver: solver, epsilon: .paper, seed: 1)
/// ```
public struct StructuredVAE<Encoder: VAENetwork, Decoder: VAENetwork>: TrainableVAE {
    /// Image to unaries and raw pairwise weights.
    public var encoder: Encoder
    /// z₁ … zₙ to Bernoulli logits.
    public var decoder: Decoder
    /// The layer over the pairwise oracle (noise added here, on the unaries only).
    public private(set) var layer: DifferentiableSolverLayer<PairwiseOracle>
    var encoderOptimizer: Adam
    var decoderOptimizer: Adam
    /// The seed of the unary perturbations.
    public let seed: UInt64

    /// Creates the model.
    ///
    /// - Throws: ``ExampleError`` when the solver's weights are not learned or the networks' sizes do not fit.
    public init(encoder: Encoder, decoder: Decoder, solver: some PairwiseBinarySolver, epsilon: EpsilonSchedule,
                learningRate: Float = 1e-3, seed: UInt64) throws(ExampleError) {
        guard solver.learnsPairwiseWeights else {
            throw ExampleError("the structured encoder predicts its pairwise weights: use a solver with learned weights")
        }
        try validateNetworks(encoder: encoder, decoder: decoder, parameters: solver.variableCount ?? solver.nodeCount,
                             latents: solver.nodeCount)
        self.encoder = encoder
        self.decoder = decoder
        self.seed = seed
        layer = DifferentiableSolverLayer(
            solver: solver.oracle, estimator: .directLoss(DirectLossConfiguration(mode: .firstOrder, epsilon: epsilon)),
            noise: .none, samples: 1, seed: seed)
        encoderOptimizer = Adam(learningRate: learningRate)
        decoderOptimizer = Adam(learningRate: learningRate)
    }

    /// The label of runs, e.g. "direct, graph cut, 45 edges".
    public var label: String { "direct, \(layer.solver.structureLabel)" }
    /// The latent, e.g. "20 binary".
    public var latentLabel: String { "\(nodeCount) binary" }
    /// One sample per image.
    public var sampleCount: Int { 1 }
    /// "reconstruction + unary KL": the KL term is taken on the unary parameters alone, not on
    /// the distribution of the graph-cut samples.
    public var lossName: String { "reconstruction + unary KL" }

    /// The number of binary latent variables n.
    public var nodeCount: Int { layer.solver.nodeCount }

    /// One Adam step on a batch of binary images; returns the batch's sampled negative ELBO.
    ///
    /// - Throws: ``ExampleError`` for an empty or ragged batch, or when the solver, the layer or a tensor operation fails.
    public mutating func trainStep(images: [Float], count: Int) throws(ExampleError) -> Float {
        let pixels = encoder.inputSize, n = nodeCount, width = layer.solver.variableCount ?? n
        try validateBatch(images, count: count, pixels: pixels)
        let x = try tensor(images, [count, pixels])
        let (raw, encoderPullback) = valueWithPullback(at: encoder) { $0(x) }
        let (z, tape) = try sample(raw: raw.scalars, count: count, stream: layer.step)
        let nodes = Self.nodes(of: z.values, width: width, n: n)
        let (logits, decoderPullback) = valueWithPullback(at: decoder, try tensor(nodes, [count, n])) { $0($1) }
        let losses = BernoulliLikelihood.rowLosses(logits: logits.scalars, labels: images, columns: pixels)
        let weight = 1 / Float(count)
        let dLogits = BernoulliLikelihood.logitGradient(logits: logits.scalars, labels: images,
                                                        rowWeights: [Float](repeating: weight, count: count), columns: pixels)
        let dDecoder = decoderPullback(try tensor(dLogits, logits.shape)).0
        // Δᵢ = L(zᵢ = 1) − L(zᵢ = 0) from the n one-variable flips of every sample.
        var flips = [Float](repeating: 0, count: count * n * n)
        for b in 0..<count {
            for i in 0..<n {
                let row = (b * n + i) * n
                for j in 0..<n { flips[row + j] = nodes[b * n + j] }
                flips[row + i] = 1 - flips[row + i]
            }
        }
        let flipped = try decoder.bernoulliLosses(latents: flips, columns: n, owners: (0 ..< count * n).lazy.map { $0 / n },
                                                  images: images, pixels: pixels)
        var upstream = [Float](repeating: 0, count: count * width)
        for b in 0..<count {
            for i in 0..<n {
                let change = flipped[b * n + i] - losses[b]
                upstream[b * width + i] = nodes[b * n + i] == 1 ? -change : change
            }
        }
        var dTheta: [Float]
        do { dTheta = try layer.backward(Matrix(rows: count, columns: width, values: upstream), tape).values } catch {
            throw ExampleError("structured layer backward: \(error)")
        }
        let (kl, dKL) = unaryKL(raw: raw.scalars, count: count)
        for index in dTheta.indices { dTheta[index] = dTheta[index] * weight + dKL[index] }
        var dRaw = [Float](repeating: 0, count: dTheta.count)
        for b in 0..<count {
            let rows = b * width ..< (b + 1) * width
            dRaw.replaceSubrange(rows, with: layer.solver.projectionPullback(rawTheta: Array(raw.scalars[rows]),
                                                                            gradient: Array(dTheta[rows])))
        }
        do {
            try encoderOptimizer.update(&encoder, along: encoderPullback(try tensor(dRaw, raw.shape)))
            try decoderOptimizer.update(&decoder, along: dDecoder)
        } catch {
            throw ExampleError("optimiser step failed: \(error)")
        }
        return losses.reduce(0, +) * weight + kl
    }

    /// The mean sampled negative ELBO of binary images (noise from `seed`).
    ///
    /// - Throws: ``ExampleError`` for an empty or ragged set of images, or when the solver fails.
    public func negativeELBO(images: [Float], count: Int, seed: UInt64, batchSize: Int = 500) throws(ExampleError) -> Double {
        let pixels = encoder.inputSize, n = nodeCount, width = layer.solver.variableCount ?? n, batchSize = max(batchSize, 1)
        try validateBatch(images, count: count, pixels: pixels)
        var sampler = self
        var total = 0.0
        for start in stride(from: 0, to: count, by: batchSize) {
            let end = min(start + batchSize, count)
            let batch = Array(images[start * pixels ..< end * pixels])
            let raw = encoder(try tensor(batch, [end - start, pixels])).scalars
            let z = try sampler.sample(raw: raw, count: end - start, stream: seed &+ UInt64(start), evaluation: true).z
            let nodes = Self.nodes(of: z.values, width: width, n: n)
            let logits = decoder(try tensor(nodes, [end - start, n])).scalars
            total += BernoulliLikelihood.rowLosses(logits: logits, labels: batch, columns: pixels).reduce(0.0) { $0 + Double($1) }
            total += Double(unaryKL(raw: raw, count: end - start).value) * Double(end - start)
        }
        return total / Double(max(count, 1))
    }

    /// z = MAP(softplus-projected θ + logistic noise on the unaries) for every row.
    mutating func sample(raw: [Float], count: Int, stream: UInt64, evaluation: Bool = false) throws(ExampleError)
        -> (z: Matrix, tape: SolverTape) {
        let width = layer.solver.variableCount ?? nodeCount
        var theta = [Float](repeating: 0, count: raw.count)
        for b in 0..<count {
            let rows = b * width ..< (b + 1) * width
            theta.replaceSubrange(rows, with: layer.solver.projectingPairwiseWeights(of: Array(raw[rows])))
            var generator = SeededGenerator(seed: seed, stream: [evaluation ? 1 : 0, stream, UInt64(b)])
            for i in 0..<nodeCount { theta[b * width + i] += generator.nextGumbel() - generator.nextGumbel() }
        }
        do { return try layer.forward(Matrix(rows: count, columns: width, values: theta)) } catch {
            throw ExampleError("structured layer forward: \(error)")
        }
    }

    /// The mean over rows of Σᵢ KL(Bernoulli(σ(θᵢ)) ‖ Bernoulli(½)) and its gradient (divided by
    /// the row count): ∂/∂θᵢ = σ(θᵢ)(1 − σ(θᵢ)) θᵢ.
    func unaryKL(raw: [Float], count: Int) -> (value: Float, gradient: [Float]) {
        let width = raw.count / max(count, 1)
        var gradient = [Float](repeating: 0, count: raw.count)
        var total = 0.0
        for b in 0..<count {
            for i in 0..<nodeCount {
                let t = Double(raw[b * width + i])
                let q = 1 / (1 + exp(-t))
                // q log 2q + (1 − q) log 2(1 − q), written with log σ(±t) for stability.
                let logQ = -log1p(exp(-Swift.abs(t))) + min(t, 0), logNotQ = logQ - t
                total += q * (log(2) + logQ) + (1 - q) * (log(2) + logNotQ)
                gradient[b * width + i] = Float(q * (1 - q) * t / Double(count))
            }
        }
        return (Float(total / Double(max(count, 1))), gradient)
    }

    /// The node part z₁ … zₙ of every row of sufficient statistics.
    static func nodes(of statistics: [Float], width: Int, n: Int) -> [Float] {
        let rows = statistics.count / max(width, 1)
        var nodes = [Float](repeating: 0, count: rows * n)
        for b in 0..<rows { for i in 0..<n { nodes[b * n + i] = statistics[b * width + i] } }
        return nodes
    }
}
