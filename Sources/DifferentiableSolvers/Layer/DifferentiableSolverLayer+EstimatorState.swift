extension DifferentiableSolverLayer {
    /// The layer's estimator state of type `State`, if an estimator with that state type has
    /// run (or the layer was made with one): e.g. to checkpoint an adaptive estimator of
    /// your own. Adaptive IMLE's state is also ``adaptiveState``.
    ///
    /// ```swift
    /// let passes = layer.estimatorState(Int.self)     // an estimator whose State is Int
    /// ```
    ///
    /// - Parameter type: the estimator's ``GradientEstimator/State`` type.
    /// - Returns: the state shared by the layer and its copies, or `nil`.
    public func estimatorState<State: Sendable>(_ type: State.Type) -> State? {
        states.state(type)
    }

    /// Replaces the layer's estimator state of `state`'s type (e.g. when resuming from a
    /// checkpoint); the next backward pass of an estimator with that state type continues
    /// from it. The layer's copies see the change.
    ///
    /// - Parameter state: the state to continue from.
    public func restoreEstimatorState<State: Sendable>(_ state: State) {
        states.store(state)
    }
}
