import Foundation
import LearningToExplainKit
import _ExampleSupport

/// What a run of the command writes: `metrics.json` (the command, its settings, wall seconds
/// and one record per trained explainer), the test accuracy per epoch as SVG, and a Markdown
/// table of the final metrics.
struct ExplanationReport {
    /// What every run shares, written beside the runs.
    struct Settings: Encodable {
        /// The MNIST-format directory.
        let data: String
        /// Training, validation and test images.
        let sizes: [Int]
        let epochs: Int
        let batchSize: Int
        /// The mean grey level above which a patch counts as carrying ink.
        let inkThreshold = ExplanationMetrics.inkThreshold
    }

    /// What `metrics.json` holds.
    private(set) var log: RunLog<Settings, ExplanationRecord>
    /// One record per trained explainer.
    var runs: [ExplanationRecord] { log.runs }

    init(data: String, sizes: [Int], epochs: Int, batchSize: Int) {
        log = RunLog(executable: "LearningToExplain", settings: Settings(data: data, sizes: sizes, epochs: epochs, batchSize: batchSize))
    }

    /// The report with `runs`, written to `metrics.json` (after every epoch, so that a stopped
    /// run keeps what it finished).
    @discardableResult
    func saved(runs: [ExplanationRecord], since started: Date, in directory: OutputDirectory) throws(ExampleError) -> Self {
        var report = self
        report.log = try log.saved(runs: runs, since: started, in: directory)
        return report
    }

    /// `test-accuracy-k<k>.svg`: the post-hoc test accuracy after every epoch, one series per method.
    func writeAccuracyPlot(k: Int, to directory: OutputDirectory) throws {
        var plot = SVGLinePlot(title: "Fashion-MNIST, k = \(k) of 49 patches: post-hoc test accuracy", xLabel: "epoch",
                               yLabel: "accuracy")
        for run in runs where run.configuration.k == k {
            plot.add(series: run.method, points: run.epochs.map { (Double($0.epoch), $0.test.accuracy) })
        }
        try plot.write(to: directory.file("test-accuracy-k\(k).svg"))
    }

    /// A Markdown table of every run's test metrics after its last epoch.
    func table() -> String {
        var text = "| k | method | epochs | post-hoc acc. % | random-patch acc. % | ink share % | random ink share % "
            + "| ink recall % | training s |\n"
        text += "|---|---|---|---|---|---|---|---|---|\n"
        for run in runs {
            guard let test = run.finalTest else { continue }
            text += String(format: "| %d | %@ | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |\n", run.configuration.k, run.method,
                           run.epochs.count, 100 * test.accuracy, 100 * test.randomSelectionAccuracy, 100 * test.inkShare,
                           100 * test.randomInkShare, 100 * test.inkRecall, run.trainingSeconds)
        }
        return text
    }
}
