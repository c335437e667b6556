/// The score-function estimate of ∇θ E[f] behind the examples' reference gradients:
/// per row, (scale / S) · Σ_s (f_s − b_s) · g_s with g_s the score of sample s (∇θ of the log
/// density of its noise) and b_s the leave-one-out baseline, the mean of the other samples'
/// losses (unbiased because b_s does not depend on sample s).
///
/// ```swift
/// // 1 row, 2 samples, 1 parameter: (1/2)[(3 − 1)·1 + (1 − 3)·(−1)] = 2
/// let g = LeaveOneOutEstimate.gradient(losses: [3, 1], scores: [1, -1], rows: 1, samples: 2, scale: 1)
/// ```
public enum LeaveOneOutEstimate {
    /// - Parameters:
    ///   - losses: f of every sample, rows × samples, sample-major within a row.
    ///   - scores: g of every sample, rows × samples × n.
    ///   - rows: the number of rows.
    ///   - samples: S ≥ 2.
    ///   - scale: a factor applied to every entry (e.g. 1 / (temperature · rows)).
    /// - Returns: the estimate, rows × n (n = scores.count / (rows · samples)); empty when
    ///   the sizes do not fit or S < 2.
    public static func gradient(losses: [Float], scores: [Float], rows: Int, samples: Int, scale: Double) -> [Float] {
        guard rows >= 1, samples >= 2, losses.count == rows * samples, scores.count % (rows * samples) == 0 else { return [] }
        let n = scores.count / (rows * samples)
        var gradient = [Float](repeating: 0, count: rows * n)
        for row in 0..<rows {
            let rowLosses = losses[(row * samples)..<((row + 1) * samples)].map(Double.init)
            let total = rowLosses.reduce(0, +)
            for (s, loss) in rowLosses.enumerated() {
                let weight = scale / Double(samples) * (loss - (total - loss) / Double(samples - 1))
                let offset = (row * samples + s) * n
                for j in 0..<n { gradient[row * n + j] += Float(weight * Double(scores[offset + j])) }
            }
        }
        return gradient
    }
}
