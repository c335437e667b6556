import DiscreteVAEKit
import _ExampleSupport

extension OutputDirectory {
    /// Writes the records to `metrics.json` (after every epoch, so a stopped run keeps what it finished).
    func saveMetrics(_ records: [TrainingRecord]) throws(ExampleError) {
        try saveJSON(records, to: "metrics.json")
    }
}
