/// The measurements of one epoch.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean training negative ELBO over the epoch's batches.
    public var trainingLoss: Double
    /// The negative ELBO on the validation split.
    public var validationLoss: Double
    /// The negative ELBO on the test set.
    public var testLoss: Double
    /// Wall-clock seconds of the epoch's training steps.
    public var seconds: Double
}

/// The record of one training run: what was trained and how it went, epoch by epoch.
public struct TrainingRecord: Sendable, Hashable, Codable {
    /// The estimator's label.
    public var estimator: String
    /// The latent, e.g. "1x10".
    public var latent: String
    /// Perturb-and-MAP samples per image.
    public var samples: Int
    /// Training images.
    public var trainingImages: Int
    /// Per-epoch measurements.
    public var epochs: [EpochRecord] = []

    /// The test loss of the epoch with the best validation loss (model selection as in the papers).
    public var selectedTestLoss: Double? { epochs.min { $0.validationLoss < $1.validationLoss }?.testLoss }
    /// The mean seconds per epoch.
    public var secondsPerEpoch: Double { epochs.isEmpty ? 0 : epochs.map(\.seconds).reduce(0, +) / Double(epochs.count) }
}
