/// The sizes and optimisation settings of a latent-graph model.
///
/// The defaults are small enough for a few-minute run on two cores; the reference
/// (Paulus et al. 2020) uses 256 hidden units, batches of 128 and 50 000 iterations.
public struct LatentGraphConfiguration: Sendable, Hashable, Codable {
    /// Hidden units of the encoder.
    public var encoderHiddenSize: Int
    /// Hidden units of the decoder.
    public var decoderHiddenSize: Int
    /// The variance σ² of the Gaussian likelihood (5 · 10⁻⁵ in the reference).
    public var variance: Float
    /// Perturb-and-MAP samples S per example.
    public var samples: Int
    /// Adam's step size (3 · 10⁻⁴ in the reference's defaults).
    public var learningRate: Float
    /// The seed of the weights and of the layer's noise.
    public var seed: UInt64
    /// Training rollout length k: the decoder predicts k frames from each start, feeding back
    /// its own predictions; `nil` means ``defaultPredictionSteps(timesteps:)``. Evaluation
    /// always uses teacher forcing (k = 1), as the reference does.
    public var predictionSteps: Int?

    /// The reference's rollout length for T frames: min(T − 1, 10) — 9 for T = 10 and 10 for
    /// T = 20 (torch-adaptive-imle's NRI commands, `--prediction_steps`).
    public static func defaultPredictionSteps(timesteps: Int) -> Int { max(1, min(timesteps - 1, 10)) }

    /// A configuration; see the properties.
    public init(encoderHiddenSize: Int = 64, decoderHiddenSize: Int = 64, variance: Float = 5e-5,
                samples: Int = 1, learningRate: Float = 1e-3, seed: UInt64 = 0, predictionSteps: Int? = nil) {
        self.encoderHiddenSize = encoderHiddenSize
        self.decoderHiddenSize = decoderHiddenSize
        self.variance = variance
        self.samples = samples
        self.learningRate = learningRate
        self.seed = seed
        self.predictionSteps = predictionSteps
    }

    /// A description of the first invalid setting, if any.
    public var problem: String? {
        if encoderHiddenSize < 1 || decoderHiddenSize < 1 { return "hidden sizes must be at least 1" }
        if !(variance > 0) || !variance.isFinite { return "the variance must be a finite number > 0 (got \(variance))" }
        if samples < 1 { return "the number of samples must be at least 1 (got \(samples))" }
        if let k = predictionSteps, k < 1 { return "the prediction steps must be at least 1 (got \(k))" }
        if !(learningRate > 0) || !learningRate.isFinite { return "the learning rate must be > 0 (got \(learningRate))" }
        return nil
    }
}
