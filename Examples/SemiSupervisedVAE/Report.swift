import DiscreteVAEKit
import Foundation
import SemiSupervisedVAEKit
import _ExampleSupport

/// The figures and the table of a set of runs.
struct Report {
    let directory: OutputDirectory

    /// Fig. 4: one row per class, one column per Gaussian draw, as an 8-bit grey PNG.
    func writeGenerations(of vae: SemiSupervisedVAE, labels: Int, height: Int, width: Int, seed: UInt64, columns: Int = 15) throws {
        let images = try vae.generations(columns: columns, seed: seed &+ 31)
        let sheet = ImageSheet(images: images, count: vae.latent.classes * columns, height: height, width: width, columns: columns)
        let image = try PNGImage(width: sheet.width, height: sheet.height, channels: 1, pixels: sheet.greyLevels)
        try image.pngData().write(to: directory.file("generations-\(vae.estimator.rawValue)-\(labels)-labels.png"))
    }

    /// Test accuracy and test bound against the global epoch, one series per run.
    func writeCurves(_ runs: [SemiSupervisedRecord]) throws {
        guard !runs.isEmpty else { return }
        var accuracy = SVGLinePlot(title: "Fashion-MNIST, semi-supervised VAE: test accuracy of argmax θ(x)",
                                   xLabel: "epoch (labelled, then unlabelled)", yLabel: "test accuracy (%)")
        var bound = SVGLinePlot(title: "Fashion-MNIST, semi-supervised VAE: test bound (−ELBO)",
                                xLabel: "epoch (labelled, then unlabelled)", yLabel: "test −ELBO (nats)")
        for run in runs {
            let name = "\(run.estimator), \(run.labelledCount) labels"
            let evaluated = run.epochs.compactMap { epoch in epoch.test.map { (Double(epoch.epoch), $0) } }
            accuracy.add(series: name, points: evaluated.map { ($0.0, 100 * $0.1.accuracy) })
            bound.add(series: name, points: evaluated.map { ($0.0, $0.1.bound) })
        }
        try accuracy.write(to: directory.file("test-accuracy.svg"))
        try bound.write(to: directory.file("test-bound.svg"))
    }

    /// A Markdown table: labels, estimator, epochs, last test accuracy and bound, seconds.
    static func table(_ runs: [SemiSupervisedRecord]) -> String {
        var text = "| #labels | estimator | labelled + unlabelled epochs | test accuracy | test bound | training s |\n"
        text += "|---|---|---|---|---|---|\n"
        for run in runs {
            let last = run.lastEvaluated?.test
            let phases = run.epochs.filter { $0.phase == .labelled }.count
            text += String(format: "| %d | %@ | %d + %d | %.1f %% | %.2f | %.0f |\n", run.labelledCount, run.estimator, phases,
                           run.epochs.count - phases, 100 * (last?.accuracy ?? .nan), last?.bound ?? .nan, run.trainingSeconds)
        }
        return text
    }
}
