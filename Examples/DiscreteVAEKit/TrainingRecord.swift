/// The measurements of one epoch.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean training loss over the epoch's batches (the record's ``TrainingRecord/lossName``;
    /// the negative ELBO for categorical latents).
    public var trainingLoss: Double
    /// The loss on the validation split.
    public var validationLoss: Double
    /// The loss on the test set.
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
    /// What the epochs' losses are: "−ELBO" for categorical latents, whose KL term is the
    /// posterior's; "reconstruction + marginal KL" for k-subset latents and "reconstruction +
    /// unary KL" for structured ones, whose KL terms are not the KL of the distribution that
    /// perturb-and-MAP samples, so the sum is a training loss rather than a bound.
    public var lossName: String
    /// Per-epoch measurements.
    public var epochs: [EpochRecord] = []

    /// The test loss of the epoch with the best validation loss (model selection as in the papers).
    public var selectedTestLoss: Double? { epochs.min { $0.validationLoss < $1.validationLoss }?.testLoss }
    /// The mean seconds per epoch.
    public var secondsPerEpoch: Double { epochs.isEmpty ? 0 : epochs.map(\.seconds).reduce(0, +) / Double(epochs.count) }
}
