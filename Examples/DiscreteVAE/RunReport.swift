import DiscreteVAEKit
import Foundation
import _ExampleSupport

/// The figures and tables of a set of runs.
struct RunReport {
    let directory: OutputDirectory

    /// What a plot's horizontal axis shows.
    enum Axis {
        /// Epochs.
        case epoch
        /// Cumulative seconds of training steps (Fig. 2 and 3 of Lorberbom et al. plot against wall-clock).
        case trainingSeconds
    }

    /// The test losses of every run of one comparison, after each epoch, as an SVG.
    func write(title: String, records: [TrainingRecord], name: String, against axis: Axis = .epoch) throws {
        guard !records.isEmpty else { return }
        let names = Set(records.map(\.lossName)).sorted().joined(separator: " / ")
        var plot = SVGLinePlot(title: "Fashion-MNIST, \(title): test loss (\(names))",
                               xLabel: axis == .epoch ? "epoch" : "training seconds", yLabel: "test loss (nats)")
        for record in records {
            var seconds = 0.0
            plot.add(series: record.estimator, points: record.epochs.map { epoch in
                seconds += epoch.seconds
                return (axis == .epoch ? Double(epoch.epoch) : seconds, epoch.testLoss)
            })
        }
        try plot.write(to: directory.file("test-loss-\(name).svg"))
    }

    /// A Markdown table: latent, estimator, epochs, the loss's name, last test loss, test loss
    /// at the best validation epoch, seconds per epoch.
    static func table(_ records: [TrainingRecord]) -> String {
        var text = "| latent | estimator | S | epochs | loss | test loss (last) | test loss (best val.) | s/epoch |\n"
        text += "|---|---|---|---|---|---|---|---|\n"
        for record in records {
            let last = record.epochs.last?.testLoss ?? .nan
            text += String(format: "| %@ | %@ | %d | %d | %@ | %.2f | %.2f | %.1f |\n", record.latent, record.estimator,
                           record.samples, record.epochs.count, record.lossName, last, record.selectedTestLoss ?? .nan,
                           record.secondsPerEpoch)
        }
        return text
    }

    /// A file-name-safe version of a label.
    static func slug(_ label: String) -> String {
        let kept = label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") ? $0 : "-" }
        return String(kept).split(separator: "-").joined(separator: "-")
    }
}
