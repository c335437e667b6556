#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Bernoulli likelihood of binary images given decoder logits, per image: the summed
/// binary cross-entropy −log p(x | z) = Σ_pixels max(ℓ, 0) − ℓ·x + log(1 + e^(−|ℓ|)).
///
/// ```swift
/// let losses = BernoulliLikelihood.rowLosses(logits: logits, labels: images, columns: 784)
/// ```
public enum BernoulliLikelihood {
    /// −log p(x | z) of every row (empty when the shapes do not fit).
    ///
    /// - Complexity: O(logits.count).
    public static func rowLosses(logits: [Float], labels: [Float], columns: Int) -> [Float] {
        guard columns > 0, labels.count == logits.count else { return [] }
        let rows = logits.count / columns
        var losses = [Float](repeating: 0, count: rows)
        logits.withUnsafeBufferPointer { l in
            labels.withUnsafeBufferPointer { y in
                for row in 0..<rows {
                    var total: Float = 0
                    for j in row * columns ..< (row + 1) * columns {
                        let x = l[j]
                        total += max(x, 0) - x * y[j] + log1pf(expf(-Swift.abs(x)))
                    }
                    losses[row] = total
                }
            }
        }
        return losses
    }

    /// ∂(Σ_rows w_row · loss_row)/∂logits = w_row · (σ(ℓ) − x).
    ///
    /// - Complexity: O(logits.count).
    public static func logitGradient(logits: [Float], labels: [Float], rowWeights: [Float], columns: Int) -> [Float] {
        var gradient = [Float](repeating: 0, count: logits.count)
        guard columns > 0, labels.count == logits.count else { return gradient }
        for row in rowWeights.indices where (row + 1) * columns <= logits.count {
            let weight = rowWeights[row]
            for j in row * columns ..< (row + 1) * columns {
                gradient[j] = weight * (1 / (1 + expf(-logits[j])) - labels[j])
            }
        }
        return gradient
    }
}
