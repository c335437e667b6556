import Foundation
import WarcraftShortestPathKit
import _ExampleSupport

/// The figures and tables of a set of method runs: training curves as SVG, all metrics as
/// JSON, and a Markdown table of the final epoch.
struct RunReport {
    /// The maps the runs trained and were tested on, written beside the runs.
    struct DataSummary: Codable {
        var trainMaps: Int
        var testMaps: Int
        /// Tiles per side.
        var gridSize: Int
        /// The share of training maps whose cheapest path is unique (the others have ties).
        var trainUniqueOptimum: Double?
        /// The share of test maps whose cheapest path is unique.
        var testUniqueOptimum: Double?
    }

    /// What `metrics.json` holds: the command, its wall time, the data and every run.
    let log: RunLog<DataSummary, WarcraftRunRecord>
    /// The runs, in the order they trained.
    var runs: [WarcraftRunRecord] { log.runs }

    func write(into directory: OutputDirectory) throws {
        try log.save(in: directory)
        var accuracy = SVGLinePlot(title: "Test accuracy", xLabel: "epoch", yLabel: "%", yRange: 0...100)
        var loss = SVGLinePlot(title: "Training loss", xLabel: "epoch", yLabel: "loss")
        for run in runs {
            accuracy.add(series: "\(run.method) cost-optimal", points: run.history.map { (Double($0.epoch), 100 * $0.test.costOptimal) })
            accuracy.add(series: "\(run.method) perfect match", points: run.history.map { (Double($0.epoch), 100 * $0.test.perfectMatch) })
            loss.add(series: run.method, points: run.history.map { (Double($0.epoch), $0.trainingLoss) })
        }
        try accuracy.write(to: directory.file("curves.svg"))
        try loss.write(to: directory.file("loss.svg"))
        try directory.writeText(table(), to: "table.md")
    }

    /// One row per method: the last epoch's test metrics and the mean epoch time.
    func table() -> String {
        var lines = ["| method | epochs | cost-optimal % | perfect match % | regret | cell accuracy % | s / epoch | solver share % | s / step (network + solver) |",
                     "|---|---|---|---|---|---|---|---|---|"]
        for run in runs {
            guard let last = run.history.last else { continue }
            let n = Double(run.history.count)
            let seconds = run.history.reduce(0) { $0 + $1.trainingSeconds } / n
            let solver = run.history.reduce(0) { $0 + $1.solverSeconds }
            let total = run.history.reduce(0) { $0 + $1.trainingSeconds }
            let steps = Double(run.history.reduce(0) { $0 + $1.steps })
            lines.append(String(format: "| %@ | %d | %.1f | %.1f | %.4f | %.1f | %.1f | %.2f | %.3f + %.4f |", run.method, last.epoch,
                                100 * last.test.costOptimal, 100 * last.test.perfectMatch, last.test.normalizedRegret,
                                100 * last.test.cellAccuracy, seconds, 100 * solver / max(total, 1e-12),
                                (total - solver) / steps, solver / steps))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
