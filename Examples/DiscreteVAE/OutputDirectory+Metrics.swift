import DiscreteVAEKit
import _ExampleSupport

extension OutputDirectory {
    /// Writes the records to `metrics.json` (after every epoch, so a stopped run keeps what it finished).
    func saveMetrics(_ records: [TrainingRecord]) throws(ExampleError) {
        do { try writeJSON(records, to: "metrics.json") } catch {
            throw ExampleError("could not write metrics.json: \(error)")
        }
    }
}
