/// Which part of the reference code's schedule an epoch belongs to.
public enum TrainingPhase: String, Sendable, Hashable, Codable {
    /// An epoch over the labelled subset alone, the class's perturbed label set to the true one.
    case labelled
    /// An epoch over all training images, without labels.
    case unlabelled
}

/// The measurements of one epoch.
public struct PhaseEpoch: Sendable, Hashable, Codable {
    /// The global epoch, from 1 (labelled epochs first).
    public var epoch: Int
    /// The epoch's phase.
    public var phase: TrainingPhase
    /// ε (direct) or the temperature (GSM) used in the epoch.
    public var perturbation: Double
    /// The mean sampled −ELBO of the epoch's training batches.
    public var trainingLoss: Double
    /// Validation measures, when evaluated.
    public var validation: Evaluation?
    /// Test measures, when evaluated.
    public var test: Evaluation?
    /// Wall-clock seconds of the epoch's training steps.
    public var seconds: Double
}

/// The record of one semi-supervised run: what was trained and how it went.
public struct SemiSupervisedRecord: Sendable, Hashable, Codable {
    /// "direct" or "GSM".
    public var estimator: String
    /// Labelled training images (balanced over the classes).
    public var labelledCount: Int
    /// All training images (used unlabelled).
    public var trainingImages: Int
    /// Per-epoch measurements.
    public var epochs: [PhaseEpoch] = []

    /// The last epoch that was evaluated on the test set.
    public var lastEvaluated: PhaseEpoch? { epochs.last { $0.test != nil } }
    /// Seconds of training steps in all epochs.
    public var trainingSeconds: Double { epochs.map(\.seconds).reduce(0, +) }
}
