import Foundation
import LatentGraphsKit
import _ExampleSupport

/// The metrics JSON, the per-epoch SVG curves and the comparison table with the paper.
struct LatentGraphsReport {
    /// What the runs share, and their summary: written beside the runs in `metrics.json`.
    struct Shared: Encodable {
        let timesteps: Int
        /// Training, validation and test examples.
        let sizes: [Int]
        let hiddenUnits: Int
        let epochs: Int
        let batchSize: Int
        let baselines: StructureBaselines
        let summary: [SummaryRow]
    }

    /// What `metrics.json` holds: the command, its wall time, the shared settings and every run.
    let log: RunLog<Shared, RunResult>
    var runs: [RunResult] { log.runs }
    var timesteps: Int { log.settings.timesteps }

    struct SummaryRow: Encodable {
        let estimator: EstimatorChoice
        let selectedLambdas: [Float]
        let seeds: Int
        let elbo: Double, elboDeviation: Double
        let precision: Double, precisionDeviation: Double
        let recall: Double, recallDeviation: Double
        let modePrecision: Double
        let referencePrecision: Double, referenceRecall: Double
        let secondsPerEpoch: Double
        let paper: PaperTable.Row?
    }

    init(timesteps: Int, sizes: [Int], settings: RunSettings, baselines: StructureBaselines, runs: [RunResult],
         wallSeconds: Double = 0) {
        let shared = Shared(timesteps: timesteps, sizes: sizes, hiddenUnits: settings.configuration.encoderHiddenSize,
                            epochs: settings.epochs, batchSize: settings.batchSize, baselines: baselines,
                            summary: Self.summarise(runs, timesteps: timesteps))
        log = RunLog(executable: "LatentGraphs", settings: shared, runs: runs, wallSeconds: wallSeconds)
    }

    /// One row per estimator: for IMLE, the λ with the best validation ELBO per seed.
    static func summarise(_ runs: [RunResult], timesteps: Int) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        for choice in EstimatorChoice.allCases {
            let mine = runs.filter { $0.estimator == choice }
            guard !mine.isEmpty else { continue }
            let selected = Dictionary(grouping: mine, by: \.seed).values.compactMap { runs in
                runs.max { $0.valid.elbo < $1.valid.elbo }
            }.sorted { $0.seed < $1.seed }
            func stats(_ values: [Double]) -> (Double, Double) {
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.count > 1 ? values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1) : 0
                return (mean, variance.squareRoot())
            }
            let elbo = stats(selected.map(\.test.elbo))
            let precision = stats(selected.map { 100 * $0.test.sampled.precision })
            let recall = stats(selected.map { 100 * $0.test.sampled.recall })
            rows.append(SummaryRow(estimator: choice, selectedLambdas: selected.compactMap(\.lambda), seeds: selected.count,
                                   elbo: elbo.0, elboDeviation: elbo.1, precision: precision.0,
                                   precisionDeviation: precision.1, recall: recall.0, recallDeviation: recall.1,
                                   modePrecision: stats(selected.map { 100 * $0.test.mode.precision }).0,
                                   referencePrecision: stats(selected.map { 100 * $0.test.bestChannel.precision }).0,
                                   referenceRecall: stats(selected.map { 100 * $0.test.bestChannel.recall }).0,
                                   secondsPerEpoch: stats(selected.map(\.secondsPerEpoch)).0,
                                   paper: PaperTable.row(choice, timesteps: timesteps)))
        }
        return rows
    }

    /// A Markdown table of our test figures next to the paper's.
    func table() -> String {
        var text = "| estimator | λ (selected) | test ELBO | tree prec. % | tree rec. % | MAP-tree prec. % "
            + "| best-channel prec. / rec. % | s/epoch | paper ELBO | paper prec. / rec. % |\n"
        text += "|---|---|---|---|---|---|---|---|---|---|\n"
        for row in log.settings.summary {
            let lambdas = row.selectedLambdas.isEmpty ? "–" : row.selectedLambdas.map { String(format: "%g", $0) }.joined(separator: ", ")
            let paperELBO = row.paper.map { String(format: "%.2f ± %.2f", $0.elbo, $0.elboDeviation) } ?? "–"
            let paperEdges = row.paper.map { String(format: "%.2f / %.2f", $0.precision, $0.recall) } ?? "–"
            text += String(format: "| %@ | %@ | %.1f ± %.1f | %.1f ± %.1f | %.1f ± %.1f | %.1f | %.1f / %.1f | %.2f | %@ | %@ |\n",
                           row.estimator.rawValue, lambdas, row.elbo, row.elboDeviation, row.precision,
                           row.precisionDeviation, row.recall, row.recallDeviation, row.modePrecision,
                           row.referencePrecision, row.referenceRecall, row.secondsPerEpoch, paperELBO, paperEdges)
        }
        return text
    }

    func write(to directory: OutputDirectory) throws {
        try log.save(in: directory)
        try directory.writeText(table(), to: "table.md")
        var elbo = SVGLinePlot(title: "Validation ELBO (T = \(timesteps))", xLabel: "epoch", yLabel: "ELBO")
        var precision = SVGLinePlot(title: "Validation edge precision (T = \(timesteps))", xLabel: "epoch",
                                    yLabel: "precision", yRange: 0...1)
        for run in runs where run.seed == 0 {
            elbo.add(series: run.estimatorName, points: run.epochs.map { (Double($0.epoch), $0.validELBO) })
            precision.add(series: run.estimatorName, points: run.epochs.map { (Double($0.epoch), $0.validPrecision) })
        }
        try elbo.write(to: directory.file("valid-elbo.svg"))
        try precision.write(to: directory.file("valid-precision.svg"))
    }
}
