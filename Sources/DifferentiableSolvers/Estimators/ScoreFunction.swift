/// The score-function estimator (REINFORCE, Williams 1992) of ∇θ E[f(z)] with a
/// leave-one-out baseline: (1/S) Σ_s (f_s − b_s) ∇φ log p(z_s), with b_s the mean of the other
/// samples' losses and ∇φ log p(z) = (z − μ)/τ for p(z) ∝ exp(⟨z, φ⟩/τ), μ estimated by the
/// sample mean of the row's states. Unbiased, high variance; a baseline.
///
/// Needs the loss of every sample in the context (``BackwardContext/sampleLosses``) and at
/// least two samples.
///
/// ```swift
/// let dTheta = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses))
/// ```
public struct ScoreFunction: GradientEstimator, Hashable, Codable {
    /// Creates the estimator.
    public init() {}

    /// "SFE".
    public var name: String { "SFE" }

    /// The REINFORCE estimate.
    ///
    /// - Throws: ``LayerError`` for missing, short or non-finite losses, fewer than two
    ///   samples, or a forward temperature of 0.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        guard let losses = context.sampleLosses else {
            throw LayerError(.missingSampleLosses, "the score-function estimator needs the loss of every sample")
        }
        let n = pass.variableCount, count = pass.sampleCount, rows = pass.batchSize
        guard losses.count == rows * count else {
            throw LayerError(.shapeMismatch, "expected \(rows * count) sample losses, got \(losses.count)")
        }
        if let bad = losses.firstIndex(where: { !$0.isFinite }) {
            throw LayerError(.nonFiniteInput, "sample loss \(bad) is \(losses[bad])")
        }
        guard count >= 2 else {
            throw LayerError(.invalidConfiguration, "the score-function estimator needs at least 2 samples for its baseline")
        }
        guard pass.forwardTemperature > 0 else {
            throw LayerError(.invalidConfiguration, "the score-function estimator needs a forward temperature > 0")
        }
        let samples = pass.samples
        var gradient = [Float](repeating: 0, count: rows * n)
        var mean = [Double](repeating: 0, count: n)
        for b in 0..<rows {
            for j in 0..<n { mean[j] = 0 }
            var lossSum = 0.0
            for s in 0..<count {
                lossSum += Double(losses[b * count + s])
                for j in 0..<n { mean[j] += Double(samples[row: b, sample: s, column: j]) / Double(count) }
            }
            let scale = Double(pass.sign) / (Double(count) * Double(pass.forwardTemperature))
            for s in 0..<count {
                let loss = Double(losses[b * count + s])
                let advantage = loss - (lossSum - loss) / Double(count - 1)
                for j in 0..<n {
                    let score = Double(samples[row: b, sample: s, column: j]) - mean[j]
                    gradient[b * n + j] += Float(scale * advantage * score)
                }
            }
        }
        return BackwardEstimate(gradient: Matrix(rows: rows, columns: n, values: gradient))
    }
}

extension GradientEstimator where Self == ScoreFunction {
    /// The score-function estimator; needs the per-sample losses in the backward context.
    public static var scoreFunction: ScoreFunction { ScoreFunction() }
}
