import _Differentiation
import DifferentiableSolvers
import DifferentiableSolversAutoDiff

/// The automatic-differentiation bridge applied to ``Tensor``s: a solver inside a model built
/// from this module's layers.
extension SolverFunction {
    /// The solver's structures for a tensor θ of shape [B, d₁, …]: each of the B slices is
    /// one instance of d₁·… variables (e.g. the H × W costs of a grid). The result has the
    /// shape of θ with the sample means, or [B · S, d₁, …] with per-sample output.
    ///
    /// ```swift
    /// let costs = abs(stem(images, phase: .training))     // [B, 12, 12]
    /// let paths = shortestPath(costs)                     // [B, 12, 12] sample means
    /// ```
    @differentiable(reverse, wrt: theta)
    public func callAsFunction(_ theta: Tensor) -> Tensor {
        let (columns, outputShape) = tensorLayout(theta)
        return Self.tensor(callAsFunction(theta.scalars, columns: columns), shape: outputShape)
    }

    @derivative(of: callAsFunction(_:), wrt: theta)
    @usableFromInline
    func tensorVectorJacobianProduct(_ theta: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
        let (columns, outputShape) = tensorLayout(theta)
        let (value, pullback) = vectorJacobianProduct(theta.scalars, columns: columns)
        return (Self.tensor(value, shape: outputShape), { cotangent in
            let upstream = Array<Float>.TangentVector(cotangent.isZero ? [] : cotangent.scalars)
            return Self.tensor(pullback(upstream).base, shape: theta.shape)
        })
    }

    /// The columns per instance and the shape of the output for θ's shape.
    private func tensorLayout(_ theta: Tensor) -> (columns: Int, shape: [Int]) {
        let batch = theta.shape.first ?? 0
        let columns = batch > 0 ? theta.count / batch : theta.count
        guard output == .perSample, theta.rank >= 1 else { return (columns, theta.shape) }
        return (columns, [outputCount(forInputCount: batch)] + theta.shape.dropFirst())
    }

    /// A tensor of `shape` from `scalars`; NaNs of that shape if they disagree (the failure
    /// is then already recorded in ``lastError``).
    private static func tensor(_ scalars: [Float], shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        let values = scalars.count == count ? scalars : [Float](repeating: .nan, count: count)
        do { return try Tensor(shape: shape, scalars: values) } catch {
            return Tensor.zero
        }
    }
}
