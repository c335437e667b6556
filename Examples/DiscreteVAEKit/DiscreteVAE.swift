#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import TensorLayers
import _ExampleSupport

/// A variational auto-encoder with a discrete latent z = MAP(θ + ε) over a
/// ``LatentStructure``: the encoder predicts θ, the solver layer samples z, the decoder
/// predicts Bernoulli logits of the image. Trained on the negative ELBO
/// −log p(x | z) + KL(q(z | x) ‖ uniform) with Adam; the encoder's gradient comes from the
/// chosen ``VAEEstimator``.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let latent = try LatentStructure(parsing: "1x10")
/// var vae = try DiscreteVAE(encoder: ShallowPerceptron(sizes: (784, 300, 10), using: &rng),
///                           decoder: ShallowPerceptron(sizes: (10, 300, 784), using: &rng),
///                           latent: latent, estimator: .direct(.paper), seed: 1)
/// let loss = try vae.trainStep(images: batch, count: 100)
/// ```
public struct DiscreteVAE<Encoder: VAENetwork, Decoder: VAENetwork>: TrainableVAE {
    /// Image to θ.
    public var encoder: Encoder
    /// z to Bernoulli logits.
    public var decoder: Decoder
    /// The latent space.
    public let latent: LatentStructure
    /// How the encoder is trained.
    public let estimator: VAEEstimator
    /// The perturb-and-MAP layer over the latent.
    public private(set) var layer: DifferentiableSolverLayer<BlockTopK>
    /// What the last training step's backward pass did (λ, sparsity, α); nil for the exact gradient.
    public private(set) var lastBackward: BackwardStatistics?
    /// ‖∂L/∂θ‖ of the last training step's estimate.
    public private(set) var lastGradientNorm = 0.0
    /// When set, each training step also estimates ``referenceGradient(theta:images:count:samples:seed:)``
    /// with this many samples and records its cosine with the estimate.
    public var referenceSamples: Int?
    /// The cosine between the last step's estimate and its reference gradient, when measured.
    public private(set) var lastReferenceCosine: Double?
    /// Whether the encoder is trained on the KL term as well as the reconstruction (the ELBO;
    /// the default). When false the encoder follows the reconstruction gradient alone, as the
    /// direct-optimisation reference code trains it (GuyLor/Direct-VAE, `discrete_vae/DVAE.py`,
    /// where `decoder_loss += kl` is commented out); the KL term is still part of every
    /// reported loss.
    public var trainsEncoderOnKL = true
    var encoderOptimizer: Adam
    var decoderOptimizer: Adam

    /// The estimator's label.
    public var label: String { estimator.description }
    /// The latent's label, e.g. "1x10".
    public var latentLabel: String { latent.description }
    /// Perturb-and-MAP samples per image in training.
    public var sampleCount: Int { layer.samples }
    /// Adaptive IMLE's target c, when the estimator is adaptive IMLE.
    public var adaptiveTarget: Double? { estimator.gradientEstimator(step: 0, latent: latent)?.adaptiveTarget }
    /// "−ELBO" for categorical latents (Gumbel-max samples softmax(θ) exactly, so the KL term
    /// is the posterior's); "reconstruction + marginal KL" for k-subsets, whose perturb-and-MAP
    /// distribution is not the one the KL term measures.
    public var lossName: String { latent.isCategorical ? "−ELBO" : "reconstruction + marginal KL" }

    /// Creates the model.
    ///
    /// - Parameters:
    ///   - samples: perturb-and-MAP samples S per image in training.
    ///   - learningRate: Adam's step for both networks (the papers use 10⁻³).
    /// - Throws: ``ExampleError`` when the estimator does not apply to the latent or the networks' sizes do not fit it.
    public init(encoder: Encoder, decoder: Decoder, latent: LatentStructure, estimator: VAEEstimator,
                samples: Int = 1, learningRate: Float = 1e-3, seed: UInt64) throws(ExampleError) {
        try estimator.validate(for: latent)
        try validateNetworks(encoder: encoder, decoder: decoder, parameters: latent.variableCount, latents: latent.variableCount)
        self.encoder = encoder
        self.decoder = decoder
        self.latent = latent
        self.estimator = estimator
        layer = DifferentiableSolverLayer(
            solver: try latent.solver(), estimator: estimator.gradientEstimator(step: 0, latent: latent) ?? .straightThrough,
            noise: latent.defaultNoise, samples: samples, seed: seed)
        encoderOptimizer = Adam(learningRate: learningRate)
        decoderOptimizer = Adam(learningRate: learningRate)
    }

    /// One Adam step on a batch of binary images.
    ///
    /// - Parameters:
    ///   - images: `count × pixels` binary values.
    ///   - count: the batch size B.
    /// - Returns: the batch's mean negative ELBO (for ``VAEEstimator/exact``, its exact expectation
    ///   over z; otherwise the sampled value).
    /// - Throws: ``ExampleError`` for an empty or ragged batch, or when the layer or a tensor operation fails.
    public mutating func trainStep(images: [Float], count: Int) throws(ExampleError) -> Float {
        let pixels = encoder.inputSize
        try validateBatch(images, count: count, pixels: pixels)
        let x = try tensor(images, [count, pixels])
        let (theta, encoderPullback) = valueWithPullback(at: encoder) { $0(x) }
        let (kl, dKL) = Self.priorKL(theta.scalars, rows: count, blockSize: latent.blockSize)
        let reconstruction: Float
        var dTheta: [Float]
        let dDecoder: Decoder.TangentVector
        if estimator == .exact {
            (reconstruction, dTheta, dDecoder) = try exactGradient(theta: theta.scalars, images: images, count: count)
        } else {
            (reconstruction, dTheta, dDecoder) = try estimatedGradient(theta: theta.scalars, images: images, count: count)
        }
        if trainsEncoderOnKL { for j in dTheta.indices { dTheta[j] += dKL[j] } }
        do {
            try encoderOptimizer.update(&encoder, along: encoderPullback(try tensor(dTheta, theta.shape)))
            try decoderOptimizer.update(&decoder, along: dDecoder)
        } catch {
            throw ExampleError("optimiser step failed: \(error)")
        }
        return reconstruction + kl
    }

    /// The reconstruction loss and the gradients for θ and the decoder from one perturb-and-MAP
    /// forward pass and the layer's estimator.
    mutating func estimatedGradient(theta: [Float], images: [Float], count: Int) throws(ExampleError)
        -> (loss: Float, dTheta: [Float], dDecoder: Decoder.TangentVector) {
        let n = latent.variableCount, pixels = images.count / count
        if let current = estimator.gradientEstimator(step: layer.step, latent: latent) { layer.estimator = current }
        let (z, tape): (Matrix, SolverTape)
        do { (z, tape) = try layer.forward(Matrix(rows: count, columns: n, values: theta)) } catch {
            throw ExampleError("latent layer forward: \(error)")
        }
        let samples = layer.samples
        let labels = Self.repeatRows(images, columns: pixels, times: samples)
        let (logits, decoderPullback) = valueWithPullback(at: decoder, try tensor(z.values, [z.rows, n])) { $0($1) }
        let rowLosses = BernoulliLikelihood.rowLosses(logits: logits.scalars, labels: labels, columns: pixels)
        let weight = 1 / Float(z.rows)
        let dLogits = BernoulliLikelihood.logitGradient(logits: logits.scalars, labels: labels,
                                                        rowWeights: [Float](repeating: weight, count: z.rows), columns: pixels)
        let (dDecoder, dZ) = decoderPullback(try tensor(dLogits, logits.shape))
        var dTheta: [Float]
        do {
            let upstream = Matrix(rows: z.rows, columns: n, values: dZ.scalars)
            if case .direct = estimator {
                // The estimate is of ∇E[loss] per image; the objective is the mean over B · S samples.
                let decoder = self.decoder
                let scorer: CandidateScorer = { candidates, rows in
                    try decoder.bernoulliLosses(latents: candidates.values, columns: candidates.columns, owners: rows,
                                                images: images, pixels: pixels)
                }
                let (estimate, statistics) = try layer.backwardWithStatistics(upstream, tape, context: BackwardContext(scorer: scorer))
                dTheta = estimate.values.map { $0 * weight }
                lastBackward = statistics
            } else {
                let (estimate, statistics) = try layer.backwardWithStatistics(upstream, tape)
                dTheta = estimate.values
                lastBackward = statistics
            }
            lastGradientNorm = dTheta.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            lastReferenceCosine = try referenceSamples.map { samples in
                try cosineSimilarity(dTheta, referenceGradient(theta: theta, images: images, count: count, samples: samples,
                                                               seed: layer.step))
            }
        } catch let error as ExampleError {
            throw error
        } catch {
            throw ExampleError("latent layer backward: \(error)")
        }
        return (rowLosses.reduce(0, +) * weight, dTheta, dDecoder)
    }

    /// The exact gradient for one categorical latent: E_q[f] = Σ_k q_k f(e_k) with
    /// q = softmax(θ), so ∂/∂decoder = Σ_k q_k ∂f(e_k) and ∂/∂θ = Cov_q(f, z)
    /// (``ExactDistribution/gradient(of:at:)``). The K states are decoded once for the whole
    /// batch: f(e_k) for image b is ``BernoulliLikelihood/pairLosses(logits:labels:pairs:columns:)``,
    /// and the decoder's logit gradient of state k is Σ_b q_bk (σ(ℓ_k) − x_b) / B.
    func exactGradient(theta: [Float], images: [Float], count: Int) throws(ExampleError)
        -> (loss: Float, dTheta: [Float], dDecoder: Decoder.TangentVector) {
        let classes = latent.blockSize, pixels = images.count / count
        let distribution: ExactDistribution
        do { distribution = try .categorical(n: classes) } catch { throw ExampleError("\(error)") }
        var states = [Float](repeating: 0, count: classes * classes)
        for k in 0..<classes { states[k * classes + k] = 1 }
        let (logits, decoderPullback) = valueWithPullback(at: decoder, try tensor(states, [classes, classes])) { $0($1) }
        let pairs = (0 ..< count * classes).map { (state: $0 % classes, image: $0 / classes) }
        let f = BernoulliLikelihood.pairLosses(logits: logits.scalars, labels: images, pairs: pairs, columns: pixels)
        var stateWeights = [Float](repeating: 0, count: classes)
        var weightedImages = [Float](repeating: 0, count: classes * pixels)
        var dTheta = [Float](repeating: 0, count: count * classes)
        var loss = 0.0
        for b in 0..<count {
            let row = Array(theta[b * classes ..< (b + 1) * classes])
            let q = distribution.probabilities(at: row)
            let losses = f[b * classes ..< (b + 1) * classes]
            let gradient = distribution.gradient(of: { z in Double(losses[b * classes + (z.firstIndex(of: 1) ?? 0)]) }, at: row)
            for k in 0..<classes {
                let weight = Float(q[k]) / Float(count)
                stateWeights[k] += weight
                for j in 0..<pixels { weightedImages[k * pixels + j] += weight * images[b * pixels + j] }
                dTheta[b * classes + k] = Float(gradient[k]) / Float(count)
                loss += q[k] * Double(f[b * classes + k])
            }
        }
        var dLogits = [Float](repeating: 0, count: classes * pixels)
        logits.scalars.withUnsafeBufferPointer { l in
            for k in 0..<classes {
                for j in k * pixels ..< (k + 1) * pixels {
                    dLogits[j] = stateWeights[k] / (1 + expf(-l[j])) - weightedImages[j]
                }
            }
        }
        let (dDecoder, _) = decoderPullback(try tensor(dLogits, logits.shape))
        return (Float(loss / Double(count)), dTheta, dDecoder)
    }

    /// The mean over rows of the prior KL and its gradient (already divided by the row count).
    static func priorKL(_ theta: [Float], rows: Int, blockSize: Int) -> (value: Float, gradient: [Float]) {
        let n = theta.count / max(rows, 1)
        var total: Float = 0
        var gradient = [Float](repeating: 0, count: theta.count)
        for b in 0..<rows {
            let (value, g) = UniformPriorKL.valueAndGradient(theta: theta[b * n ..< (b + 1) * n], blockSize: blockSize)
            total += value
            for j in 0..<n { gradient[b * n + j] = g[j] / Float(rows) }
        }
        return (total / Float(max(rows, 1)), gradient)
    }

    /// Every row of a row-major matrix repeated `times` times in place (row-major blocks).
    static func repeatRows(_ values: [Float], columns: Int, times: Int) -> [Float] {
        guard times > 1 else { return values }
        var result: [Float] = []
        result.reserveCapacity(values.count * times)
        for start in stride(from: 0, to: values.count, by: columns) {
            for _ in 0..<times { result += values[start ..< start + columns] }
        }
        return result
    }
}

/// A tensor, with tensor errors reported as ``ExampleError``.
func tensor(_ scalars: [Float], _ shape: [Int]) throws(ExampleError) -> Tensor {
    do { return try Tensor(shape: shape, scalars: scalars) } catch { throw ExampleError("\(error)") }
}
