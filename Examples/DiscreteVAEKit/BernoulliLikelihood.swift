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

    /// −log p(x | z) of pairs (row of `logits`, row of `labels`), for logits shared by many
    /// images: Σ softplus(ℓ) is taken once per logit row, then each pair costs one dot product,
    /// −log p(x | z) = Σ_j softplus(ℓ_j) − Σ_j ℓ_j x_j.
    ///
    /// - Precondition: every pair's rows exist (callers check owners).
    /// - Complexity: O(logits.count) transcendental functions and O(pairs.count · columns) multiply–adds.
    public static func pairLosses(logits: [Float], labels: [Float], pairs: [(state: Int, image: Int)],
                                  columns: Int) -> [Float] {
        guard columns > 0 else { return [] }
        let states = logits.count / columns
        var softplusSums = [Float](repeating: 0, count: states)
        var losses = [Float](repeating: 0, count: pairs.count)
        logits.withUnsafeBufferPointer { l in
            for state in 0..<states {
                var total: Float = 0
                for j in state * columns ..< (state + 1) * columns {
                    let x = l[j]
                    total += max(x, 0) + log1pf(expf(-Swift.abs(x)))
                }
                softplusSums[state] = total
            }
            labels.withUnsafeBufferPointer { y in
                for (position, pair) in pairs.enumerated() {
                    losses[position] = softplusSums[pair.state]
                        - dot(l.baseAddress! + pair.state * columns, y.baseAddress! + pair.image * columns, count: columns)
                }
            }
        }
        return losses
    }

    /// Σ a_j b_j over `count` entries, eight lanes at a time.
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var j = 0
        while j + 8 <= count {
            let u = UnsafeRawPointer(a + j).loadUnaligned(as: SIMD8<Float>.self)
            let v = UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Float>.self)
            // `addProduct` would be a fused multiply–add, a library call per lane where the
            // baseline x86-64 target has no FMA instruction.
            lanes += u * v
            j += 8
        }
        var total = lanes.sum()
        while j < count {
            total += a[j] * b[j]
            j += 1
        }
        return total
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
