import _Differentiation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rectified linear unit `max(x, 0)`, element by element.
///
/// ```swift
/// let y = relu(x)
/// ```
/// - Parameter x: Any tensor.
/// - Returns: A tensor of the same shape.
/// - Complexity: O(n), on all cores for large tensors.
public func relu(_ x: Tensor) -> Tensor {
    let result = Tensor(uninitializedShape: x.shape)
    let source = x.storage.base, target = result.storage.base
    // Written out rather than through `Tensor.map` so that the loop vectorises.
    parallelRanges(x.count) { range in
        for index in range { target[index] = max(source[index], 0) }
    }
    return result
}

@derivative(of: relu)
@usableFromInline
func _vjpRelu(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let y = relu(x)
    return (y, { v in
        guard !v.isZero else { return .zero }
        // The derivative at 0 is taken as 0, as in PyTorch.
        precondition(v.shape == y.shape, "relu pullback: cotangent \(v.shape) for output \(y.shape)")
        let result = Tensor(uninitializedShape: y.shape)
        let gradient = v.storage.base, output = y.storage.base, target = result.storage.base
        parallelRanges(y.count) { range in
            for index in range {
                // Both loads unconditional, so the select vectorises.
                let g = gradient[index], o = output[index]
                target[index] = o > 0 ? g : 0
            }
        }
        return result
    })
}

/// The logistic function `1 / (1 + e^(-x))`, element by element.
///
/// ```swift
/// let probabilities = sigmoid(logits)
/// ```
/// - Parameter x: Any tensor.
/// - Returns: A tensor of the same shape with elements in [0, 1].
/// - Complexity: O(n), on all cores for large tensors.
public func sigmoid(_ x: Tensor) -> Tensor {
    Tensor.map(x, logistic)
}

@derivative(of: sigmoid)
@usableFromInline
func _vjpSigmoid(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let y = sigmoid(x)
    return (y, { v in
        guard !v.isZero else { return .zero }
        return Tensor.combine(v, y, "sigmoid pullback") { $0 * $1 * (1 - $1) }
    })
}

/// The absolute value, element by element.
///
/// ```swift
/// let distance = abs(prediction - target)
/// ```
/// - Parameter x: Any tensor.
/// - Returns: A tensor of the same shape.
/// - Complexity: O(n), on all cores for large tensors.
public func abs(_ x: Tensor) -> Tensor {
    Tensor.map(x) { Swift.abs($0) }
}

@derivative(of: abs)
@usableFromInline
func _vjpAbs(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    (abs(x), { v in
        guard !v.isZero else { return .zero }
        // The subgradient at 0 is taken as 0.
        return Tensor.combine(v, x, "abs pullback") { $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0) }
    })
}

/// A numerically stable logistic function for one value.
@inline(__always)
func logistic(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
}
