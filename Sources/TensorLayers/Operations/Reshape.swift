import _Differentiation

/// The same elements seen with another shape of equal element count (no copy).
///
/// ```swift
/// let flat = reshape(images, to: [batch, 3 * 96 * 96])
/// ```
/// - Parameters:
///   - x: Any tensor.
///   - shape: The new shape; its product must equal `x.count`.
/// - Returns: A tensor sharing `x`'s storage.
/// - Complexity: O(1).
public func reshape(_ x: Tensor, to shape: [Int]) -> Tensor {
    precondition(shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == x.count,
                 "reshape: cannot view \(x.shape) as \(shape)")
    return Tensor(sharing: x.storage, shape: shape)
}

@derivative(of: reshape, wrt: x)
@usableFromInline
func _vjpReshape(_ x: Tensor, to shape: [Int]) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let original = x.shape
    return (reshape(x, to: shape), { v in v.isZero ? .zero : reshape(v, to: original) })
}
