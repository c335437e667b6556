/// The per-class Gaussian posteriors of a batch, split from the ``GaussianEncoder``'s rows
/// (μ₁…μ_D, log σ²₁…log σ²_D) into B × K × D means and log-variances.
struct Posterior {
    /// B × K × D means.
    let mean: [Float]
    /// B × K × D log-variances.
    let logVariance: [Float]
    /// D.
    let dimension: Int

    init(moments: [Float], dimension: Int) {
        let rows = moments.count / (2 * dimension)
        var mean = [Float](), logVariance = [Float]()
        mean.reserveCapacity(rows * dimension)
        logVariance.reserveCapacity(rows * dimension)
        for row in 0..<rows {
            mean += moments[2 * row * dimension ..< (2 * row + 1) * dimension]
            logVariance += moments[(2 * row + 1) * dimension ..< (2 * row + 2) * dimension]
        }
        self.mean = mean
        self.logVariance = logVariance
        self.dimension = dimension
    }

    /// Gradients for the means and log-variances interleaved back into the encoder's row layout.
    func moments(dMean: [Float], dLogVariance: [Float]) -> [Float] {
        var result = [Float]()
        result.reserveCapacity(2 * dMean.count)
        for row in 0..<dMean.count / dimension {
            result += dMean[row * dimension ..< (row + 1) * dimension]
            result += dLogVariance[row * dimension ..< (row + 1) * dimension]
        }
        return result
    }
}
