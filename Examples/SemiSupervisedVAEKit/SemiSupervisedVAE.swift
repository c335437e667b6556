import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import DiscreteVAEKit
import TensorLayers
import _ExampleSupport

/// The semi-supervised discrete VAE of Lorberbom et al. (2019, §4.2 and §5, Table 2, Fig. 4),
/// a mixed discrete–continuous model in the style of Kingma et al. (2014, M2).
///
/// A base encoder (784–400–200) feeds a discrete encoder (200–100–10) giving class logits
/// θ(x) and a ``GaussianEncoder`` giving one Gaussian posterior per class. The class is
/// z = argmax(θ + γ), γ Gumbel; the decoder (K·D–400–784) reads the ``MixedLatent`` matrix
/// whose only non-zero row is the chosen class's Gaussian sample. The Gaussian is
/// reparameterised and its KL to N(0, I) analytic; the categorical KL is to the uniform prior.
///
/// The discrete encoder learns by the ``SemiSupervisedEstimator``: direct optimisation
/// through the package's `DirectLoss` (the loss-augmented argmax over the K classes, scored
/// by the decoder, or for labelled images by the indicator loss of ``LabelledLoss``), or
/// straight-through Gumbel-softmax. Adam on every network.
///
/// ```swift
/// var vae = try SemiSupervisedVAE(estimator: .direct, seed: 1)
/// vae.perturbation = 0.05
/// let loss = try vae.trainStep(images: batch, count: 100, labels: labels)
/// let measured = try vae.evaluate(images: test, labels: testLabels, count: 10_000, seed: 7)
/// ```
public struct SemiSupervisedVAE: Sendable {
    /// Image to shared features.
    public var base: LeakyPerceptron
    /// Features to class logits θ(x).
    public var classifier: LeakyPerceptron
    /// Features to the per-class Gaussian posteriors.
    public var gaussian: GaussianEncoder
    /// Mixed latent to Bernoulli logits.
    public var decoder: ShallowPerceptron
    /// The shape of the mixed latent.
    public let latent: MixedLatent
    /// How the discrete encoder is trained.
    public let estimator: SemiSupervisedEstimator
    /// ε (direct) or the temperature (GSM) of the next training steps.
    public var perturbation: Double
    /// The seed of the training noise.
    public let seed: UInt64
    /// Training steps taken.
    public private(set) var steps: UInt64 = 0
    var layer: DifferentiableSolverLayer<BlockTopK>
    var optimizers: [Adam]

    /// Creates the model with the reference code's sizes (H = 400) by default.
    ///
    /// - Parameters:
    ///   - classes: K, the discrete latent's classes.
    ///   - dimension: D, the Gaussian latent's dimension (30 in the reference code).
    ///   - pixels: the image size.
    ///   - learningRate: Adam's step (8 · 10⁻⁴ in the reference code).
    ///   - parallelism: threads of the latent layer.
    /// - Throws: ``ExampleError`` for sizes below 2 classes or 1 dimension or pixel.
    public init(classes: Int = 10, dimension: Int = 30, pixels: Int = 784, estimator: SemiSupervisedEstimator,
                learningRate: Float = 8e-4, parallelism: Parallelism = .serial, seed: UInt64) throws(ExampleError) {
        guard classes >= 2, dimension >= 1, pixels >= 1 else {
            throw ExampleError("the model needs at least 2 classes, 1 Gaussian dimension and 1 pixel "
                               + "(got \(classes), \(dimension), \(pixels))")
        }
        var generator = SeededGenerator(seed: seed, stream: [0x55E])
        do {
            base = try LeakyPerceptron(sizes: (pixels, 400, 200), using: &generator)
            classifier = try LeakyPerceptron(sizes: (200, 100, classes), using: &generator)
            gaussian = try GaussianEncoder(features: 200, classes: classes, dimension: dimension, using: &generator)
            decoder = try ShallowPerceptron(sizes: (classes * dimension, 400, pixels), using: &generator)
        } catch {
            throw ExampleError("could not build the networks: \(error)")
        }
        latent = MixedLatent(classes: classes, dimension: dimension)
        self.estimator = estimator
        perturbation = estimator.labelledPerturbation
        self.seed = seed
        let solver: BlockTopK
        do { solver = try BlockTopK(blockSize: classes, k: 1, blocks: 1) } catch { throw ExampleError("\(error)") }
        layer = DifferentiableSolverLayer(solver: solver, estimator: .straightThrough, noise: .gumbel, samples: 1,
                                          seed: seed, parallelism: parallelism)
        optimizers = [Adam](repeating: Adam(learningRate: learningRate), count: 4)
    }

    /// The image size.
    public var pixels: Int { base.inputSize }

    /// One Adam step on a batch of binary images, labelled or not.
    ///
    /// - Parameters:
    ///   - images: `count × pixels` values in [0, 1].
    ///   - labels: the images' classes for a labelled batch, or nil.
    /// - Returns: the batch's mean sampled −ELBO (reconstruction + Gaussian KL + categorical KL).
    /// - Throws: ``ExampleError`` for a bad batch (wrong size, labels out of range) or a failing step.
    public mutating func trainStep(images: [Float], count: Int, labels: [Int]? = nil) throws(ExampleError) -> Float {
        try validate(images: images, count: count, labels: labels)
        steps += 1
        var generator = SeededGenerator(seed: seed, stream: [0x57E9, steps])
        let x = try tensor(images, [count, pixels])
        let (features, basePullback) = valueWithPullback(at: base) { $0(x) }
        let (theta, classifierPullback) = valueWithPullback(at: classifier, features) { $0($1) }
        let mask = try gaussian.dropoutMask(rows: count, training: true, using: &generator)
        let (moments, gaussianPullback) = valueWithPullback(at: gaussian, features) { $0($1, mask: mask) }
        let posterior = Posterior(moments: moments.scalars, dimension: latent.dimension)
        let noise = (0..<posterior.mean.count).map { _ in Float(generator.nextNormal()) }
        let samples = GaussianLatent.sample(mean: posterior.mean, logVariance: posterior.logVariance, noise: noise)

        layer.estimator = estimator == .direct
            ? .directLoss(DirectLossConfiguration(mode: .exact(blockSize: latent.classes), epsilon: .constant(perturbation)))
            : .gumbelSoftmax(temperature: Float(perturbation), blockSize: latent.classes)
        let (z, tape): (Matrix, SolverTape)
        do { (z, tape) = try layer.forward(Matrix(rows: count, columns: latent.classes, values: theta.scalars)) } catch {
            throw ExampleError("latent layer forward: \(error)")
        }
        let input = latent.decoderInput(weights: z.values, samples: samples)
        let (logits, decoderPullback) = valueWithPullback(at: decoder, try tensor(input, [count, input.count / count])) { $0($1) }
        let weight = 1 / Float(count)
        let reconstruction = BernoulliLikelihood.rowLosses(logits: logits.scalars, labels: images, columns: pixels)
        let dLogits = BernoulliLikelihood.logitGradient(logits: logits.scalars, labels: images,
                                                        rowWeights: [Float](repeating: weight, count: count), columns: pixels)
        let (dDecoder, dInput) = decoderPullback(try tensor(dLogits, logits.shape))
        var (dWeights, dSamples) = latent.pullback(dInput.scalars, weights: z.values, samples: samples)
        // The Gaussian KL of the chosen class's posterior (the class-weighted mixture, as the reference code).
        let chosenMean = latent.mix(weights: z.values, perClass: posterior.mean)
        let chosenLogVariance = latent.mix(weights: z.values, perClass: posterior.logVariance)
        let gaussianKL = GaussianLatent.klToStandardNormal(mean: chosenMean, logVariance: chosenLogVariance)
        let (dWeightsMean, dMeanKL) = latent.mixPullback(gaussianKL.dMean.map { $0 * weight }, weights: z.values, perClass: posterior.mean)
        let (dWeightsVariance, dLogVarianceKL) = latent.mixPullback(gaussianKL.dLogVariance.map { $0 * weight }, weights: z.values,
                                                                    perClass: posterior.logVariance)
        for j in dWeights.indices { dWeights[j] += dWeightsMean[j] + dWeightsVariance[j] }
        var (dMean, dLogVariance) = GaussianLatent.samplePullback(dSamples, logVariance: posterior.logVariance, noise: noise)
        for j in dMean.indices {
            dMean[j] += dMeanKL[j]
            dLogVariance[j] += dLogVarianceKL[j]
        }
        dSamples = []

        let categoricalKL = Self.categoricalKL(theta.scalars, classes: latent.classes)
        var dTheta = try thetaGradient(images: images, count: count, labels: labels, samples: samples, dWeights: dWeights,
                                       tape: tape)
        if estimator.trainsEncoderOnKL {
            for j in dTheta.indices { dTheta[j] += categoricalKL.gradient[j] * weight }
        }
        let (dClassifier, dFeaturesDiscrete) = classifierPullback(try tensor(dTheta, theta.shape))
        let (dGaussian, dFeaturesContinuous) = gaussianPullback(try tensor(posterior.moments(dMean: dMean, dLogVariance: dLogVariance),
                                                                           moments.shape))
        let dBase = basePullback(dFeaturesDiscrete + dFeaturesContinuous)
        do {
            try optimizers[0].update(&base, along: dBase)
            try optimizers[1].update(&classifier, along: dClassifier)
            try optimizers[2].update(&gaussian, along: dGaussian)
            try optimizers[3].update(&decoder, along: dDecoder)
        } catch {
            throw ExampleError("optimiser step failed: \(error)")
        }
        let total = reconstruction.reduce(0.0) { $0 + Double($1) } + gaussianKL.value + categoricalKL.value
        return Float(total / Double(count))
    }

    /// ∂L/∂θ from the estimator: direct optimisation's (z − z_ε)/ε, with z_ε the loss-augmented
    /// argmax of the reconstruction (unlabelled) or the label (labelled); or the
    /// straight-through Gumbel-softmax pullback of ∂L/∂z plus, for labels, the relaxed
    /// sample's weighted cross-entropy. Already divided by the batch size.
    func thetaGradient(images: [Float], count: Int, labels: [Int]?, samples: [Float], dWeights: [Float],
                       tape: SolverTape) throws(ExampleError) -> [Float] {
        let weight = 1 / Float(count)
        let upstream = Matrix(rows: count, columns: latent.classes, values: dWeights)
        do {
            switch estimator {
            case .direct:
                let scorer: CandidateScorer
                if let labels {
                    let penalty = LabelledLoss.indicatorPenalty(theta: tape.theta.values, noise: tape.noise.values, epsilon: perturbation)
                    scorer = LabelledLoss.indicatorScorer(labels: labels, classes: latent.classes, penalty: penalty)
                } else {
                    let decoder = self.decoder, latent = self.latent, pixels = self.pixels
                    scorer = { candidates, rows in
                        let inputs = latent.candidateInputs(candidates.values, owners: rows, samples: samples)
                        return try decoder.bernoulliLosses(latents: inputs, columns: latent.classes * latent.dimension,
                                                           owners: rows, images: images, pixels: pixels)
                    }
                }
                return try layer.backward(upstream, tape, context: BackwardContext(scorer: scorer)).values.map { $0 * weight }
            case .gsm:
                var gradient = try layer.backward(upstream, tape).values
                if let labels {
                    let crossEntropy = LabelledLoss.gumbelSoftmaxCrossEntropy(theta: tape.theta.values, noise: tape.noise.values,
                                                                              labels: labels, temperature: perturbation)
                    for j in gradient.indices { gradient[j] += crossEntropy.gradient[j] * weight }
                }
                return gradient
            }
        } catch {
            throw ExampleError("latent layer backward: \(error)")
        }
    }

    /// Checks a batch: `count × pixels` finite values, `count ≥ 1`, labels (if any) one per image in 0..<K.
    ///
    /// - Throws: ``ExampleError`` saying what is wrong.
    public func validate(images: [Float], count: Int, labels: [Int]?) throws(ExampleError) {
        guard count >= 1 else { throw ExampleError("a batch needs at least one image (got \(count))") }
        guard images.count == count * pixels else {
            throw ExampleError("\(images.count) pixel values for \(count) images of \(pixels) pixels")
        }
        if let bad = images.firstIndex(where: { !$0.isFinite }) { throw ExampleError("pixel \(bad) is \(images[bad])") }
        guard let labels else { return }
        guard labels.count == count else { throw ExampleError("\(labels.count) labels for \(count) images") }
        if let bad = labels.first(where: { !(0..<latent.classes).contains($0) }) {
            throw ExampleError("label \(bad) is outside 0..<\(latent.classes)")
        }
    }

    /// Σ_rows KL(softmax(θ) ‖ uniform) and its gradient (not divided by the row count).
    static func categoricalKL(_ theta: [Float], classes: Int) -> (value: Double, gradient: [Float]) {
        let (value, gradient) = UniformPriorKL.valueAndGradient(theta: theta[...], blockSize: classes)
        return (Double(value), gradient)
    }
}
