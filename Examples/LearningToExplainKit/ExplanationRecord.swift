/// The measurements after one epoch of training.
public struct ExplanationEpoch: Sendable, Hashable, Codable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean training cross-entropy over the epoch's batches.
    public var trainingLoss: Double
    /// The metrics on the validation split (`nil` without one).
    public var validation: ExplanationMetrics?
    /// The metrics on the test set.
    public var test: ExplanationMetrics
    /// Wall-clock seconds of the epoch's training steps.
    public var seconds: Double

    /// Creates an epoch record.
    public init(epoch: Int, trainingLoss: Double, validation: ExplanationMetrics?, test: ExplanationMetrics, seconds: Double) {
        self.epoch = epoch
        self.trainingLoss = trainingLoss
        self.validation = validation
        self.test = test
        self.seconds = seconds
    }
}

/// The record of one training run: the method, its settings and how it went, epoch by epoch.
public struct ExplanationRecord: Sendable, Hashable, Codable {
    /// The method's label, e.g. "AIMLE (central)".
    public var method: String
    /// The settings of the explainer.
    public var configuration: ExplainerConfiguration
    /// Training images.
    public var trainingImages: Int
    /// Per-epoch measurements.
    public var epochs: [ExplanationEpoch] = []
    /// Seconds of training steps over all epochs (evaluation excluded).
    public var trainingSeconds = 0.0

    /// A record with no epochs yet.
    public init(method: String, configuration: ExplainerConfiguration, trainingImages: Int) {
        self.method = method
        self.configuration = configuration
        self.trainingImages = trainingImages
    }

    /// The test metrics after the last epoch.
    public var finalTest: ExplanationMetrics? { epochs.last?.test }
}
