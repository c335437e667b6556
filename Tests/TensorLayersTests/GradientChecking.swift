import _Differentiation
import DifferentiableSolvers
import Testing
import TensorLayers

/// A tensor of `shape` with uniform elements in `range`.
func randomTensor(_ shape: [Int], in range: ClosedRange<Double> = -1...1, using generator: inout SeededGenerator) -> Tensor {
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { _ in Float(range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUniform()) }
    return try! Tensor(shape: shape, scalars: scalars)
}

/// A tensor of `shape` whose elements are distinct, at least `gap` apart, in random order,
/// so that no maximum or ReLU kink lies within a finite-difference step.
func separatedTensor(_ shape: [Int], gap: Float = 0.05, using generator: inout SeededGenerator) -> Tensor {
    let count = shape.reduce(1, *)
    var values = (0..<count).map { Float($0 - count / 2) * gap + gap / 2 }
    values.shuffle(using: &generator)
    return try! Tensor(shape: shape, scalars: values)
}

/// Central finite differences of `f` at every element of `x`.
func numericalGradient(of f: (Tensor) -> Float, at x: Tensor, step: Float) -> [Float] {
    let scalars = x.scalars
    return scalars.indices.map { index in
        var plus = scalars, minus = scalars
        plus[index] += step
        minus[index] -= step
        let up = Double(f(try! Tensor(shape: x.shape, scalars: plus)))
        let down = Double(f(try! Tensor(shape: x.shape, scalars: minus)))
        return Float((up - down) / (2 * Double(step)))
    }
}

/// Expects the reverse-mode gradient of `f` at `x` to match central finite differences.
func expectGradientMatchesFiniteDifferences(
    _ x: Tensor, step: Float = 1e-2, tolerance: Float = 1e-2,
    sourceLocation: SourceLocation = #_sourceLocation,
    of f: @differentiable(reverse) (Tensor) -> Float
) {
    let analytic = gradient(at: x, of: f)
    #expect(analytic.shape == x.shape, sourceLocation: sourceLocation)
    let numeric = numericalGradient(of: { f($0) }, at: x, step: step)
    let worst = zip(analytic.scalars, numeric).map { a, n in Swift.abs(a - n) / max(1, Swift.abs(n)) }.max() ?? 0
    #expect(worst <= tolerance, "largest relative gradient error \(worst)", sourceLocation: sourceLocation)
}
