import DifferentiableSolvers
import WarcraftData

/// What one epoch of training measured.
struct EpochRecord: Codable, Sendable {
    /// 1-based epoch number.
    var epoch: Int
    /// Mean training loss over the epoch's steps.
    var trainingLoss: Double
    /// Metrics on the test set after the epoch.
    var test: PathMetrics
    /// Wall-clock seconds of the epoch's training steps.
    var trainingSeconds: Double
    /// Of which inside the solver layer.
    var solverSeconds: Double
    /// Of which in the network and optimiser.
    var networkSeconds: Double
    /// Training steps in the epoch.
    var steps: Int
    /// The learning rate used.
    var learningRate: Float
    /// AIMLE's α after the epoch (0 for other methods).
    var alpha: Double

    /// Fraction of training time spent in the solver layer.
    var solverShare: Double { trainingSeconds > 0 ? solverSeconds / trainingSeconds : 0 }
}

/// A finished (or resumed) run of one method: its settings and history, as written to JSON
/// and read back by `--resume`.
struct MethodRun: Codable, Sendable {
    var method: String
    var estimator: String
    var settings: WarcraftTrainingSettings
    var history: [EpochRecord]
    /// The layer's step counter, so that a resumed run draws fresh perturbations.
    var layerStep: UInt64
    /// AIMLE's α and moving average, so that a resumed run adapts on from where it stopped.
    var adaptiveState: AdaptiveState.Snapshot?
}
