import DifferentiableSolvers
import _ExampleSupport

/// A VAE that ``VAETraining`` can train and evaluate.
public protocol TrainableVAE {
    /// The gradient method, for tables and plots.
    var label: String { get }
    /// The latent space, for tables and plots.
    var latentLabel: String { get }
    /// Samples per image in training.
    var sampleCount: Int { get }
    /// The name of the loss that ``negativeELBO(images:count:seed:batchSize:)`` measures:
    /// "−ELBO" only when its KL term is the KL divergence of the distribution the encoder
    /// actually samples; otherwise it says what the two terms are.
    var lossName: String { get }
    /// One optimiser step on `count` binary images; returns the batch's negative ELBO.
    mutating func trainStep(images: [Float], count: Int) throws(ExampleError) -> Float
    /// The mean negative ELBO of binary images with evaluation noise from `seed`.
    func negativeELBO(images: [Float], count: Int, seed: UInt64, batchSize: Int) throws(ExampleError) -> Double
    /// What the last training step's backward pass did, when the model records it.
    var lastBackward: BackwardStatistics? { get }
    /// ‖∂L/∂θ‖ of the last training step's estimate (0 when not recorded).
    var lastGradientNorm: Double { get }
    /// Adaptive IMLE's target c, when the model trains with it.
    var adaptiveTarget: Double? { get }
    /// When set, the next training steps also estimate a many-sample reference gradient on
    /// their batch with this many samples and record ``lastReferenceCosine``.
    var referenceSamples: Int? { get set }
    /// The cosine between the last step's estimate and its reference gradient, when measured.
    var lastReferenceCosine: Double? { get }
}

extension TrainableVAE {
    /// Models that do not trace their backward pass record nothing.
    public var lastBackward: BackwardStatistics? { nil }
    /// Models that do not trace their backward pass record nothing.
    public var lastGradientNorm: Double { 0 }
    /// Models without adaptive IMLE have no target.
    public var adaptiveTarget: Double? { nil }
    /// Models without a reference gradient ignore the request.
    public var referenceSamples: Int? {
        get { nil }
        set {}
    }
    /// Models without a reference gradient measure nothing.
    public var lastReferenceCosine: Double? { nil }
}

/// Checks that `images` holds `count` images of `pixels` values.
func validateBatch(_ images: [Float], count: Int, pixels: Int) throws(ExampleError) {
    guard count >= 1, pixels >= 1, images.count == count * pixels else {
        throw ExampleError("a batch of \(count) images of \(pixels) pixels needs \(max(count, 0) * max(pixels, 0)) values, got \(images.count)")
    }
}

/// Checks that the encoder returns `parameters` values, the decoder takes `latents` and
/// returns as many values as the encoder takes.
func validateNetworks(encoder: some VAENetwork, decoder: some VAENetwork, parameters: Int, latents: Int) throws(ExampleError) {
    guard encoder.outputSize == parameters, decoder.inputSize == latents, decoder.outputSize == encoder.inputSize else {
        throw ExampleError("networks do not fit: encoder \(encoder.inputSize)→\(encoder.outputSize) (needs →\(parameters)), "
                       + "decoder \(decoder.inputSize)→\(decoder.outputSize) (needs \(latents)→\(encoder.inputSize))")
    }
}
