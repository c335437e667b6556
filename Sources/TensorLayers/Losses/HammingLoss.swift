import _Differentiation

/// The Hamming loss of the Warcraft shortest-path benchmark: the number of mismatching
/// cells per example, averaged over the batch.
///
/// Each element contributes `p·(1 − y) + (1 − p)·y`, which counts a mismatch for 0/1 values
/// and is linear in `p`, so gradients flow to a solver layer's output. Summed over every
/// axis but the first and averaged over the first, as `HammingLoss` in
/// martius-lab/blackbox-differentiation-combinatorial-solvers (utils.py).
///
/// ```swift
/// let loss = hammingLoss(predicted: paths, expected: truePaths)   // [N, 12, 12]
/// ```
/// - Parameters:
///   - predicted: Predictions, [N, …], usually in {0, 1}.
///   - expected: Targets of the same shape (not differentiated).
/// - Returns: The mean number of mismatches per example.
/// - Complexity: O(n).
public func hammingLoss(predicted: Tensor, expected: Tensor) -> Float {
    precondition(predicted.rank >= 1 && predicted.shape[0] > 0, "hammingLoss: predicted \(predicted.shape) has no examples")
    return lossTerms(predicted, expected, "hammingLoss") { p, y in p * (1 - y) + (1 - p) * y } / Float(predicted.shape[0])
}

@derivative(of: hammingLoss, wrt: predicted)
@usableFromInline
func _vjpHammingLoss(predicted: Tensor, expected: Tensor) -> (value: Float, pullback: (Float) -> Tensor) {
    let scale = 1 / Float(predicted.shape[0])
    return (hammingLoss(predicted: predicted, expected: expected), { v in
        Tensor.combine(predicted, expected, "hammingLoss") { _, y in v * scale * (1 - 2 * y) }
    })
}
