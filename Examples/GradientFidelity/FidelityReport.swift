import Foundation
import _ExampleSupport

/// Tables, CSV, JSON and SVG figures of the gradient-fidelity study.
struct FidelityReport {
    let directory: OutputDirectory

    /// A Markdown table: one row per method, one column per S, "mean ± std" cells.
    func table(problem: FidelityProblem, measurements: [FidelityMeasurement], sampleCounts: [Int]) -> String {
        let methods = measurements.map(\.method).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var text = "\nCosine similarity with \(problem.reference), \(problem.title) (mean ± std over seeds)\n\n"
        text += "| method | " + sampleCounts.map { "S = \($0)" }.joined(separator: " | ") + " |\n"
        text += "|---|" + String(repeating: "---|", count: sampleCounts.count) + "\n"
        for method in methods {
            let cells = sampleCounts.map { count in
                measurements.first { $0.method == method && $0.samples == count }
                    .map { String(format: "%.3f ± %.3f", $0.mean, $0.standardDeviation) } ?? "n/a"
            }
            text += "| \(method) | " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    func plotSamples(problem: FidelityProblem, measurements: [FidelityMeasurement]) throws {
        var plot = SVGLinePlot(title: "Gradient fidelity, \(problem.title)", xLabel: "samples S",
                               yLabel: problem.referenceLabel, logarithmicX: true, yRange: -0.2...1)
        let methods = measurements.map(\.method).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for method in methods {
            let rows = measurements.filter { $0.method == method }
            plot.add(series: method, points: rows.map { (Double($0.samples), $0.mean) }, errors: rows.map(\.standardDeviation))
        }
        try plot.write(to: directory.file("cosine-vs-samples-\(problem.name).svg"))
    }

    func plotLambdas(problem: FidelityProblem, sweep: [FidelityMeasurement], references: [FidelityMeasurement],
                     samples: Int) throws {
        var plot = SVGLinePlot(title: "Cosine vs λ at S = \(samples), \(problem.title)", xLabel: "λ",
                               yLabel: problem.referenceLabel, yRange: -0.2...1)
        let lambdas = sweep.compactMap(\.lambda)
        guard let low = lambdas.min(), let high = lambdas.max() else { return }
        for method in ["IMLE forward", "IMLE central"] {
            let rows = sweep.filter { $0.method == method }
            plot.add(series: method, points: rows.map { ($0.lambda ?? 0, $0.mean) }, errors: rows.map(\.standardDeviation))
        }
        // Estimators without λ appear as horizontal lines, as in the paper's Fig. 4.
        for reference in references where reference.samples == samples && reference.lambda == nil {
            plot.add(series: reference.method, points: [(low, reference.mean), (high, reference.mean)])
        }
        try plot.write(to: directory.file("cosine-vs-lambda-\(problem.name).svg"))
    }

    /// Writes every measurement as CSV and JSON, and the tables as Markdown.
    func write(_ measurements: [FidelityMeasurement]) throws {
        var csv = "problem,method,lambda,samples,mean,std,seeds\n"
        for m in measurements {
            csv += "\(m.problem),\(m.method),\(m.lambda.map { String($0) } ?? ""),\(m.samples),"
            csv += String(format: "%.6f,%.6f,%d\n", m.mean, m.standardDeviation, m.cosines.count)
        }
        try directory.writeText(csv, to: "fidelity.csv")
        struct Summary: Encodable {
            let problem: String, method: String, lambda: Double?, samples: Int, mean: Double, std: Double, cosines: [Double]
        }
        try directory.writeJSON(measurements.map {
            Summary(problem: $0.problem, method: $0.method, lambda: $0.lambda, samples: $0.samples,
                    mean: $0.mean, std: $0.standardDeviation, cosines: $0.cosines)
        }, to: "fidelity.json")
    }
}
