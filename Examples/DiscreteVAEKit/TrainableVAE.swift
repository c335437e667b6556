/// A VAE that ``VAETraining`` can train and evaluate.
public protocol TrainableVAE {
    /// The gradient method, for tables and plots.
    var label: String { get }
    /// The latent space, for tables and plots.
    var latentLabel: String { get }
    /// Samples per image in training.
    var sampleCount: Int { get }
    /// One optimiser step on `count` binary images; returns the batch's negative ELBO.
    mutating func trainStep(images: [Float], count: Int) throws(VAEError) -> Float
    /// The mean negative ELBO of binary images with evaluation noise from `seed`.
    func negativeELBO(images: [Float], count: Int, seed: UInt64, batchSize: Int) throws(VAEError) -> Double
}
