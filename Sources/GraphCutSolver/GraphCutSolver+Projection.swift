import DifferentiableSolvers

extension GraphCutSolver {
    /// θ with its pairwise block passed through ``SupermodularProjection/softplus(_:)``
    /// (negated when minimising), so that every weight has the sign the solver requires.
    ///
    /// Use it when a network predicts raw, unconstrained weights: solve with the projected
    /// θ, and carry the gradient back with ``projectionPullback(rawTheta:gradient:)``. With
    /// fixed weights θ has no pairwise block and is returned unchanged.
    ///
    /// ```swift
    /// let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)])
    /// let theta = solver.projectingPairwiseWeights(of: [0.3, -0.2, -1.5])
    /// // [0.3, -0.2, 0.2014]: the unaries are untouched
    /// ```
    ///
    /// - Parameter rawTheta: unaries followed by raw weights (``variableCount`` entries; a
    ///   shorter array has only its present weight entries projected).
    /// - Returns: θ ready for the solver.
    /// - Complexity: O(m).
    public func projectingPairwiseWeights(of rawTheta: [Float]) -> [Float] {
        var theta = rawTheta
        let sign: Float = sense == .maximize ? 1 : -1
        for index in pairwiseIndices(in: rawTheta.count) {
            theta[index] = sign * SupermodularProjection.softplus(rawTheta[index])
        }
        return theta
    }

    /// The gradient with respect to the raw θ, given the gradient with respect to the
    /// projected θ of ``projectingPairwiseWeights(of:)``: unary entries pass through, and
    /// the weight entries are multiplied by ±σ(raw).
    ///
    /// - Parameters:
    ///   - rawTheta: the raw θ that was projected.
    ///   - gradient: ∂L/∂θ at the projected θ, same length.
    /// - Returns: ∂L/∂(raw θ).
    /// - Complexity: O(m).
    public func projectionPullback(rawTheta: [Float], gradient: [Float]) -> [Float] {
        var result = gradient
        let sign: Float = sense == .maximize ? 1 : -1
        for index in pairwiseIndices(in: min(rawTheta.count, gradient.count)) {
            result[index] = gradient[index] * sign * SupermodularProjection.softplusDerivative(rawTheta[index])
        }
        return result
    }

    /// The indices of θ that hold pairwise weights, clipped to a vector of length `count`.
    private func pairwiseIndices(in count: Int) -> Range<Int> {
        guard case .learned = pairwiseWeights, count > nodeCount else { return 0..<0 }
        return nodeCount..<min(count, statisticCount)
    }
}
