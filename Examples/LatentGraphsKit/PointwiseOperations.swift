import _Differentiation
import TensorLayers

/// √(x + 10⁻⁶), element by element: a distance from a squared distance that stays
/// differentiable when two particles coincide.
@differentiable(reverse)
func smoothSquareRoot(_ x: Tensor) -> Tensor {
    pointwise(x) { ($0 + 1e-6).squareRoot() }
}

@derivative(of: smoothSquareRoot)
@usableFromInline
func _vjpSmoothSquareRoot(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let y = smoothSquareRoot(x)
    return (y, { v in
        guard !v.isZero else { return .zero }
        return pointwise(v, y) { $0 * 0.5 / $1 }
    })
}

/// 1 / (x + 0.01), element by element: the shape of the repulsive force k²/d² for x = d².
@differentiable(reverse)
func softenedReciprocal(_ x: Tensor) -> Tensor {
    pointwise(x) { 1 / ($0 + 0.01) }
}

@derivative(of: softenedReciprocal)
@usableFromInline
func _vjpSoftenedReciprocal(_ x: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let y = softenedReciprocal(x)
    return (y, { v in
        guard !v.isZero else { return .zero }
        return pointwise(v, y) { -$0 * $1 * $1 }
    })
}

/// `transform` applied to every element (the shape is kept, so building cannot fail).
func pointwise(_ x: Tensor, _ transform: (Float) -> Float) -> Tensor {
    (try? Tensor(shape: x.shape, scalars: x.scalars.map(transform))) ?? .zero
}

/// `transform` applied to matching elements of two tensors of equal shape.
func pointwise(_ x: Tensor, _ y: Tensor, _ transform: (Float, Float) -> Float) -> Tensor {
    (try? Tensor(shape: x.shape, scalars: zip(x.scalars, y.scalars).map(transform))) ?? .zero
}
