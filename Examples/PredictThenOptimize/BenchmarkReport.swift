import Foundation
import PredictThenOptimizeKit
import _ExampleSupport

/// Writes a problem's results: a Markdown table, CSVs of the summary and of every run, a
/// JSON summary, an SVG plot of the mean test regret per epoch and an SVG bar chart of the
/// final regret per method.
struct BenchmarkReport {
    let directory: OutputDirectory

    func table(title: String, runs: [TrainingRun]) -> String {
        var text = "\n### \(title)\n\n| method | normalised regret (%) | training time (s) |\n| --- | --- | --- |\n"
        for row in MethodSummary.summarize(runs) {
            text += String(format: "| %@ | %.2f ± %.2f | %.3f ± %.3f |\n", row.method.title, 100 * row.regretMean,
                           100 * row.regretStandardDeviation, row.secondsMean, row.secondsStandardDeviation)
        }
        return text
    }

    func write(problem: String, title: String, runs: [TrainingRun], table: String) throws {
        let summary = MethodSummary.summarize(runs)
        try directory.writeText(table, to: "table-\(problem).md")
        try directory.writeJSON(summary, to: "summary-\(problem).json")
        var csv = "method,runs,regret_mean,regret_std,seconds_mean,seconds_std\n"
        for row in summary {
            csv += "\(row.method.rawValue),\(row.runs),\(row.regretMean),\(row.regretStandardDeviation),\(row.secondsMean),\(row.secondsStandardDeviation)\n"
        }
        try directory.writeText(csv, to: "summary-\(problem).csv")
        var perRun = "method,seed,final_regret,training_seconds,regret_by_epoch\n"
        for run in runs {
            perRun += "\(run.method.rawValue),\(run.seed),\(run.finalRegret),\(run.trainingSeconds),\"\(run.regretByEpoch.map { String($0) }.joined(separator: " "))\"\n"
        }
        try directory.writeText(perRun, to: "runs-\(problem).csv")
        var plot = SVGLinePlot(title: title.count > 70 ? String(title.prefix(70)) + "…" : title,
                               xLabel: "epoch", yLabel: "normalised test regret (%)")
        for row in summary {
            let mine = runs.filter { $0.method == row.method }
            let epochs = mine.map(\.regretByEpoch.count).min() ?? 0
            // Epoch 0 (the untrained model) is left out: it dwarfs the differences that matter.
            let points = (1..<max(epochs, 1)).map { e in
                (x: Double(e), y: 100 * MethodSummary.meanAndDeviation(mine.map { $0.regretByEpoch[e] }).mean)
            }
            plot.add(series: row.method.title, points: points)
        }
        try plot.write(to: directory.file("regret-\(problem).svg"))
        let bars = RegretBarChart(title: title.count > 90 ? String(title.prefix(90)) + "…" : title, rows: summary)
        try directory.writeText(bars.render(), to: "bars-\(problem).svg")
    }
}
