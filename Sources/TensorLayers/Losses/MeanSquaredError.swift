import _Differentiation

/// The mean of the squared differences, `mean((predicted − expected)²)`.
///
/// ```swift
/// let loss = meanSquaredError(predicted: model(x), expected: y)
/// ```
/// - Parameters:
///   - predicted: Any non-empty tensor.
///   - expected: A tensor of the same shape (not differentiated).
/// - Returns: The mean squared error.
/// - Complexity: O(n).
public func meanSquaredError(predicted: Tensor, expected: Tensor) -> Float {
    lossTerms(predicted, expected, "meanSquaredError") { p, t in let d = p - t; return d * d } / Float(predicted.count)
}

@derivative(of: meanSquaredError, wrt: predicted)
@usableFromInline
func _vjpMeanSquaredError(predicted: Tensor, expected: Tensor) -> (value: Float, pullback: (Float) -> Tensor) {
    let scale = 2 / Float(predicted.count)
    return (meanSquaredError(predicted: predicted, expected: expected), { v in
        Tensor.combine(predicted, expected, "meanSquaredError") { p, t in v * scale * (p - t) }
    })
}

/// The sum over elements of `term(predicted, expected)`, accumulated in double precision.
func lossTerms(_ predicted: Tensor, _ expected: Tensor, _ name: String, _ term: (Float, Float) -> Float) -> Float {
    precondition(predicted.shape == expected.shape && predicted.count > 0,
                 "\(name): predicted \(predicted.shape) and expected \(expected.shape) must be equal and non-empty")
    let p = predicted.storage.base, t = expected.storage.base
    var total = 0.0
    for index in 0..<predicted.count { total += Double(term(p[index], t[index])) }
    return Float(total)
}
