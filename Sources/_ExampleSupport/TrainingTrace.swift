import Foundation

/// A per-step trace of a solver layer's backward pass along a training run: adaptive
/// IMLE's α, the mean step λ, the sparsity signal of Eq. 9 against its target c, the norm
/// of ∂L/∂θ and, every few steps, the cosine between the estimate and a many-sample
/// reference gradient on the same batch (Minervini et al. 2023, §3).
///
/// Written as CSV (one row per step) and as an SVG with one panel per quantity, so that a
/// warm-up that never ends, or a λ that collapses, is visible at a glance.
///
/// ```swift
/// var trace = TrainingTrace(target: 1)
/// trace.append(TrainingTrace.Step(step: 0, alpha: 0, meanLambda: 0, meanNonZeros: 0, gradientNorm: 0))
/// try trace.write(into: directory, name: "trace-aimle")
/// ```
public struct TrainingTrace: Sendable, Codable {
    /// What one training step recorded.
    public struct Step: Sendable, Codable, Equatable {
        /// The 0-based training step.
        public var step: Int
        /// α of Eq. 8 used by the step (0 for estimators without one).
        public var alpha: Double
        /// The mean λ over rows with a gradient signal.
        public var meanLambda: Double
        /// The mean number of non-zero entries of the finite difference per sample.
        public var meanNonZeros: Double
        /// ‖∂L/∂θ‖ of the batch.
        public var gradientNorm: Double
        /// The cosine between ∂L/∂θ and the reference gradient, on the steps that measured it.
        public var referenceCosine: Double?

        /// Creates a step record.
        public init(step: Int, alpha: Double, meanLambda: Double, meanNonZeros: Double, gradientNorm: Double,
                    referenceCosine: Double? = nil) {
            self.step = step
            self.alpha = alpha
            self.meanLambda = meanLambda
            self.meanNonZeros = meanNonZeros
            self.gradientNorm = gradientNorm
            self.referenceCosine = referenceCosine
        }
    }

    /// The target c of the sparsity signal (drawn as a line beside it).
    public var target: Double
    /// The steps so far.
    public private(set) var steps: [Step] = []

    /// An empty trace for sparsity target `target`.
    public init(target: Double) {
        self.target = target
    }

    /// Records one step.
    public mutating func append(_ step: Step) { steps.append(step) }

    /// The trace as CSV with a header line.
    public func csv() -> String {
        var lines = ["step,alpha,mean_lambda,mean_nonzeros,target_c,gradient_norm,reference_cosine"]
        for s in steps {
            let cosine = s.referenceCosine.map { String($0) } ?? ""
            lines.append("\(s.step),\(s.alpha),\(s.meanLambda),\(s.meanNonZeros),\(target),\(s.gradientNorm),\(cosine)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plots: α, λ, sparsity against c, ‖∂L/∂θ‖ and the reference cosine against the step.
    public func plots(title: String) -> [(name: String, plot: SVGLinePlot)] {
        func series(_ value: (Step) -> Double?) -> [(x: Double, y: Double)] {
            steps.compactMap { s in value(s).map { (Double(s.step), $0) } }
        }
        var alpha = SVGLinePlot(title: "\(title): α and mean λ", xLabel: "step", yLabel: "value")
        alpha.add(series: "α", points: series { $0.alpha })
        alpha.add(series: "mean λ", points: series { $0.meanLambda })
        var sparsity = SVGLinePlot(title: "\(title): non-zero entries per sample", xLabel: "step", yLabel: "count")
        sparsity.add(series: "‖z_L − z_R‖₀", points: series { $0.meanNonZeros })
        sparsity.add(series: "target c", points: series { _ in target })
        var norm = SVGLinePlot(title: "\(title): ‖∂L/∂θ‖", xLabel: "step", yLabel: "norm")
        norm.add(series: "‖∂L/∂θ‖", points: series { $0.gradientNorm })
        var cosine = SVGLinePlot(title: "\(title): cosine with the reference gradient", xLabel: "step", yLabel: "cosine",
                                 yRange: -1...1)
        cosine.add(series: "cosine", points: series { $0.referenceCosine })
        return [("alpha", alpha), ("sparsity", sparsity), ("gradient-norm", norm), ("cosine", cosine)]
    }

    /// Writes `<name>.csv`, `<name>.json` and one `<name>-<quantity>.svg` per plot.
    public func write(into directory: OutputDirectory, name: String) throws {
        try directory.writeText(csv(), to: name + ".csv")
        for (quantity, plot) in plots(title: name) {
            try plot.write(to: directory.file("\(name)-\(quantity).svg"))
        }
    }
}
