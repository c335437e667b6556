import DifferentiableSolvers

/// What one epoch of training measured.
public struct WarcraftEpochRecord: Codable, Sendable, Equatable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Mean training loss over the epoch's steps.
    public var trainingLoss: Double
    /// Metrics on the test set after the epoch.
    public var test: PathMetrics
    /// Metrics on as many training maps as there are test maps, with the network in inference
    /// mode as for the test set: the gap to ``test`` separates over-fitting from a model that
    /// has not learnt (`nil` in records written before it was measured).
    public var training: PathMetrics?
    /// Wall-clock seconds of the epoch's training steps.
    public var trainingSeconds: Double
    /// Of which inside the solver layer.
    public var solverSeconds: Double
    /// Of which in the network and optimiser.
    public var networkSeconds: Double
    /// Training steps in the epoch.
    public var steps: Int
    /// The learning rate used.
    public var learningRate: Float
    /// AIMLE's α after the epoch (0 for other methods).
    public var alpha: Double

    /// Fraction of training time spent in the solver layer.
    public var solverShare: Double { trainingSeconds > 0 ? solverSeconds / trainingSeconds : 0 }
}

/// A finished (or resumed) Warcraft run of one method: its settings and history, as written to JSON
/// and read back by `--resume`.
public struct WarcraftRunRecord: Codable, Sendable {
    public var method: String
    public var estimator: String
    public var settings: WarcraftTrainingSettings
    public var history: [WarcraftEpochRecord]
    /// The layer's step counter, so that a resumed run draws fresh perturbations.
    public var layerStep: UInt64
    /// AIMLE's α and moving average, so that a resumed run adapts on from where it stopped.
    public var adaptiveState: AdaptiveState.Snapshot?
    /// The model and optimiser file of the last completed epoch, beside the JSON.
    public var modelFile: String?

    /// A record of a run that has not trained yet.
    public init(method: String, estimator: String, settings: WarcraftTrainingSettings, history: [WarcraftEpochRecord] = [],
                layerStep: UInt64 = 0, adaptiveState: AdaptiveState.Snapshot? = nil, modelFile: String? = nil) {
        self.method = method
        self.estimator = estimator
        self.settings = settings
        self.history = history
        self.layerStep = layerStep
        self.adaptiveState = adaptiveState
        self.modelFile = modelFile
    }
}
