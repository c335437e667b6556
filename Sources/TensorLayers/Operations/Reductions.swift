import _Differentiation

/// The mean over one axis, which is removed from the shape.
///
/// ```swift
/// let costs = mean(features, alongAxis: 1)   // [N, C, H, W] → [N, H, W]
/// ```
/// - Parameters:
///   - x: A tensor with at least one axis.
///   - axis: The axis to average, in `0..<x.rank`; its extent must be positive.
/// - Returns: A tensor of rank `x.rank - 1`.
/// - Complexity: O(n).
public func mean(_ x: Tensor, alongAxis axis: Int) -> Tensor {
    precondition(axis >= 0 && axis < x.rank && x.shape[axis] > 0,
                 "mean: axis \(axis) is not a non-empty axis of \(x.shape)")
    let (outer, length, inner) = axisSplit(x.shape, axis)
    var shape = x.shape
    shape.remove(at: axis)
    let result = Tensor(uninitializedShape: shape)
    let source = x.storage.base, target = result.storage.base
    let scale = 1 / Float(length)
    parallelTasks(outer) { block, _ in
        let out = target + block * inner
        let input = source + block * length * inner
        for index in 0..<inner { out[index] = 0 }
        for position in 0..<length {
            let row = input + position * inner
            for index in 0..<inner { out[index] += row[index] }
        }
        for index in 0..<inner { out[index] *= scale }
    }
    return result
}

@derivative(of: mean, wrt: x)
@usableFromInline
func _vjpMean(_ x: Tensor, alongAxis axis: Int) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let shape = x.shape
    return (mean(x, alongAxis: axis), { v in
        guard !v.isZero else { return .zero }
        let (outer, length, inner) = axisSplit(shape, axis)
        let result = Tensor(uninitializedShape: shape)
        let source = v.storage.base, target = result.storage.base
        let scale = 1 / Float(length)
        parallelTasks(outer) { block, _ in
            let input = source + block * inner
            for position in 0..<length {
                let row = target + (block * length + position) * inner
                for index in 0..<inner { row[index] = input[index] * scale }
            }
        }
        return result
    })
}

/// The sum of all elements, accumulated in double precision.
///
/// ```swift
/// let loss = sum(prediction * weights)
/// ```
/// - Parameter x: Any tensor.
/// - Returns: The sum (0 for an empty tensor).
/// - Complexity: O(n).
public func sum(_ x: Tensor) -> Float {
    var total = 0.0
    for value in x.storage.buffer { total += Double(value) }
    return Float(total)
}

@derivative(of: sum)
@usableFromInline
func _vjpSum(_ x: Tensor) -> (value: Float, pullback: (Float) -> Tensor) {
    let shape = x.shape
    return (sum(x), { v in Tensor(filling: v, shape: shape) })
}

/// The mean of all elements, accumulated in double precision.
///
/// - Parameter x: A non-empty tensor.
/// - Returns: The mean.
/// - Complexity: O(n).
public func mean(_ x: Tensor) -> Float {
    precondition(x.count > 0, "mean: empty tensor")
    return sum(x) / Float(x.count)
}

@derivative(of: mean)
@usableFromInline
func _vjpMeanAll(_ x: Tensor) -> (value: Float, pullback: (Float) -> Tensor) {
    let shape = x.shape, count = Float(x.count)
    return (mean(x), { v in Tensor(filling: v / count, shape: shape) })
}

/// Splits `shape` around `axis` into (elements before, extent, elements after).
func axisSplit(_ shape: [Int], _ axis: Int) -> (outer: Int, length: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
}
