import _Differentiation
import TensorLayers

/// A scalar function applied element by element, differentiable as a tensor operation
/// through a derivative that is read from the output (as for √x, 1/x or eˣ).
///
/// ```swift
/// let exponential = PointwiseFunction(value: { expf($0) }, pullback: { v, y in v * y })
/// let y = exponential(x)
/// ```
struct PointwiseFunction: Sendable {
    /// f(x) of one element.
    let value: @Sendable (Float) -> Float
    /// The cotangent of one input element from the output's cotangent v and the output y:
    /// v · f′(x) written in terms of y.
    let pullback: @Sendable (Float, Float) -> Float

    /// f applied to every element of `x`.
    @differentiable(reverse, wrt: x)
    func callAsFunction(_ x: Tensor) -> Tensor {
        pointwise(x, value)
    }

    @derivative(of: callAsFunction, wrt: x)
    func _vjpCallAsFunction(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
        let y = pointwise(x, value)
        return (y, { [pullback] v in
            guard !v.isZero else { return .zero }
            return pointwise(v, y, pullback)
        })
    }
}

/// `transform` applied to every element (the shape is kept, so building cannot fail).
func pointwise(_ x: Tensor, _ transform: (Float) -> Float) -> Tensor {
    (try? Tensor(shape: x.shape, scalars: x.scalars.map(transform))) ?? .zero
}

/// `transform` applied to matching elements of two tensors of equal shape.
func pointwise(_ x: Tensor, _ y: Tensor, _ transform: (Float, Float) -> Float) -> Tensor {
    (try? Tensor(shape: x.shape, scalars: zip(x.scalars, y.scalars).map(transform))) ?? .zero
}
