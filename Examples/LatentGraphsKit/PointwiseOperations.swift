import _Differentiation
import TensorLayers

/// √(x + 10⁻⁶), element by element: a distance from a squared distance that stays
/// differentiable when two particles coincide.
@differentiable(reverse)
func smoothSquareRoot(_ x: Tensor) -> Tensor {
    PointwiseFunction.smoothSquareRoot(x)
}

/// 1 / (x + 0.01), element by element: the shape of the repulsive force k²/d² for x = d².
@differentiable(reverse)
func softenedReciprocal(_ x: Tensor) -> Tensor {
    PointwiseFunction.softenedReciprocal(x)
}

extension PointwiseFunction {
    /// √(x + 10⁻⁶), whose derivative 1 / (2y) is read from the output y.
    static let smoothSquareRoot = PointwiseFunction(value: { ($0 + 1e-6).squareRoot() }, pullback: { $0 * 0.5 / $1 })
    /// 1 / (x + 0.01), whose derivative −y² is read from the output y.
    static let softenedReciprocal = PointwiseFunction(value: { 1 / ($0 + 0.01) }, pullback: { -$0 * $1 * $1 })
}
