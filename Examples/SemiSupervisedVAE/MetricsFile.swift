import SemiSupervisedVAEKit
import _ExampleSupport

/// `metrics.json`: the command line, the settings shared by its runs, and every run's record.
struct MetricsFile: Codable {
    var command: String
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
    /// Wall-clock seconds since the command started (evaluations included).
    var wallSeconds = 0.0
    var runs: [SemiSupervisedRecord] = []

    /// Writes the file (after every epoch, so a stopped run keeps what it finished).
    func save(in directory: OutputDirectory) throws(ExampleError) {
        do { try directory.writeJSON(self, to: "metrics.json") } catch {
            throw ExampleError("could not write metrics.json: \(error)")
        }
    }
}
