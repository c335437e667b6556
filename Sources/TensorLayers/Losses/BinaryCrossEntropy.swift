import _Differentiation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mean binary cross-entropy between `sigmoid(logits)` and `labels`, computed stably
/// from the logits: `max(x, 0) − x·y + log(1 + e^(−|x|))`.
///
/// ```swift
/// let loss = binaryCrossEntropy(logits: model(x), labels: targets)
/// ```
/// - Parameters:
///   - logits: Any non-empty tensor of logits.
///   - labels: Targets in [0, 1], same shape (not differentiated).
/// - Returns: The mean loss.
/// - Complexity: O(n).
public func binaryCrossEntropy(logits: Tensor, labels: Tensor) -> Float {
    lossTerms(logits, labels, "binaryCrossEntropy") { x, y in
        max(x, 0) - x * y + log1pf(expf(-Swift.abs(x)))
    } / Float(logits.count)
}

@derivative(of: binaryCrossEntropy, wrt: logits)
@usableFromInline
func _vjpBinaryCrossEntropy(logits: Tensor, labels: Tensor) -> (value: Float, pullback: (Float) -> Tensor) {
    let scale = 1 / Float(logits.count)
    return (binaryCrossEntropy(logits: logits, labels: labels), { v in
        Tensor.combine(logits, labels, "binaryCrossEntropy") { x, y in v * scale * (logistic(x) - y) }
    })
}
