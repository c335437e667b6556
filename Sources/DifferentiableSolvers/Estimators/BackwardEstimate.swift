/// What an estimator's backward pass returns: ∂L/∂θ and the statistics of the pass.
///
/// ```swift
/// return BackwardEstimate(gradient: gradient)      // an estimator without statistics
/// ```
public struct BackwardEstimate: Sendable {
    /// ∂L/∂θ, B × n.
    public var gradient: Matrix
    /// The step, sparsity and α of the pass (zeros for estimators without a step).
    public var statistics: BackwardStatistics

    /// Creates an estimate.
    public init(gradient: Matrix, statistics: BackwardStatistics = BackwardStatistics()) {
        self.gradient = gradient
        self.statistics = statistics
    }
}
