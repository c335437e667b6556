#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The KL term of the ELBO: per block of K logits, KL(softmax(θ) ‖ uniform) =
/// Σ_j q_j log(K q_j). For one-hot blocks this is the exact KL of the Gumbel-max posterior to
/// the uniform prior; for k-subset blocks the IMLE papers' VAE uses the same term on the
/// normalised logits, which this follows.
///
/// ```swift
/// let (value, gradient) = UniformPriorKL.valueAndGradient(theta: logits, blockSize: 10)
/// ```
public enum UniformPriorKL {
    /// The KL summed over the blocks of `theta` (NaN when `theta` does not split into blocks), and its gradient
    /// ∂/∂θ_j = q_j (log q_j − Σ_i q_i log q_i).
    ///
    /// - Complexity: O(theta.count).
    public static func valueAndGradient(theta: ArraySlice<Float>, blockSize: Int) -> (value: Float, gradient: [Float]) {
        let values = Array(theta)
        var gradient = [Float](repeating: 0, count: values.count)
        guard blockSize >= 1, values.count % blockSize == 0 else { return (.nan, gradient) }
        var total = 0.0
        var logQ = [Double](repeating: 0, count: blockSize)
        for start in stride(from: 0, to: values.count, by: blockSize) {
            let block = start ..< start + blockSize
            let top = Double(block.map { values[$0] }.max() ?? 0)
            let normaliser = log(block.reduce(0.0) { $0 + exp(Double(values[$1]) - top) }) + top
            var entropyTerm = 0.0
            for (i, j) in block.enumerated() {
                logQ[i] = Double(values[j]) - normaliser
                entropyTerm += exp(logQ[i]) * logQ[i]
            }
            total += entropyTerm + log(Double(blockSize))
            for (i, j) in block.enumerated() {
                gradient[j] = Float(exp(logQ[i]) * (logQ[i] - entropyTerm))
            }
        }
        return (Float(total), gradient)
    }
}
