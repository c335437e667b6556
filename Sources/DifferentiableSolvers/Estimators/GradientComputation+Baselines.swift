extension GradientComputation {
    /// The straight-through estimator: the solver is treated as the map φ ↦ z, so
    /// ∂L/∂θ = σ · (the vector–Jacobian product of the identity).
    func straightThrough() -> Matrix {
        let n = self.n, count = sampleCount
        var gradient = [Float](repeating: 0, count: tape.batchSize * n)
        let scale = sign * sampleReduction
        for b in 0..<tape.batchSize {
            for s in 0..<count {
                let dy = upstreamOffset(row: b, sample: s)
                for j in 0..<n { gradient[b * n + j] += scale * upstream.values[dy + j] }
            }
        }
        return Matrix(rows: tape.batchSize, columns: n, values: gradient)
    }

    /// The score-function estimator (REINFORCE, Williams 1992) of ∇θ E[f(z)]:
    /// (1/S) Σ_s (f_s − b_s) ∇φ log p(z_s), with the leave-one-out baseline
    /// b_s = mean of the other samples' losses and ∇φ log p(z) = (z − μ)/τ for
    /// p(z) ∝ exp(⟨z, φ⟩/τ), μ estimated by the sample mean of the row's states.
    func scoreFunction(losses: [Float]) throws(LayerError) -> Matrix {
        let n = self.n, count = sampleCount
        guard losses.count == tape.batchSize * count else {
            throw LayerError(.shapeMismatch, "expected \(tape.batchSize * count) sample losses, got \(losses.count)")
        }
        if let bad = losses.firstIndex(where: { !$0.isFinite }) {
            throw LayerError(.nonFiniteInput, "sample loss \(bad) is \(losses[bad])")
        }
        guard count >= 2 else {
            throw LayerError(.invalidConfiguration, "the score-function estimator needs at least 2 samples for its baseline")
        }
        guard forwardTemperature > 0 else {
            throw LayerError(.invalidConfiguration, "the score-function estimator needs a forward temperature > 0")
        }
        let samples = tape.samples.values
        var gradient = [Float](repeating: 0, count: tape.batchSize * n)
        var mean = [Double](repeating: 0, count: n)
        for b in 0..<tape.batchSize {
            for j in 0..<n { mean[j] = 0 }
            var lossSum = 0.0
            for s in 0..<count {
                lossSum += Double(losses[b * count + s])
                for j in 0..<n { mean[j] += Double(samples[(b * count + s) * n + j]) / Double(count) }
            }
            let scale = Double(sign) / (Double(count) * Double(forwardTemperature))
            for s in 0..<count {
                let loss = Double(losses[b * count + s])
                let advantage = loss - (lossSum - loss) / Double(count - 1)
                for j in 0..<n {
                    let score = Double(samples[(b * count + s) * n + j]) - mean[j]
                    gradient[b * n + j] += Float(scale * advantage * score)
                }
            }
        }
        return Matrix(rows: tape.batchSize, columns: n, values: gradient)
    }
}
