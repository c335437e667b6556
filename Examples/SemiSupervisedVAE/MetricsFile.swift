import SemiSupervisedVAEKit
import _ExampleSupport

/// `metrics.json`: the command line, the settings shared by its runs, and every run's record.
typealias MetricsFile = RunLog<SharedSettings, SemiSupervisedRecord>

/// The settings every run of a command shares, written beside its runs in `metrics.json`.
struct SharedSettings: Codable {
    var labelledEpochs: Int
    var unlabelledEpochs: Int
    var trainingImages: Int
    var validationImages: Int
    var testImages: Int
    var batchSize: Int
    var learningRate: Float
    var seed: UInt64
    /// The floor of ε or the temperature in the unlabelled epochs.
    var perturbationFloor: Double
}
