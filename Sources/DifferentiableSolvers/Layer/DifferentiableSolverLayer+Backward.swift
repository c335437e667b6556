extension DifferentiableSolverLayer {
    /// Estimates ∂L/∂θ from ∂L/∂z with the layer's estimator.
    ///
    /// The result is the vector–Jacobian product of the forward pass's output: with
    /// per-sample output, the sum over the samples of each sample's estimate; with mean
    /// output, the mean. (Both equal the Monte-Carlo estimate of ∇θ E[f(z)] when ∂L/∂z is
    /// ∇f(z) for each sample and the loss is Σ_s f(z_s) / S, respectively f(z̄).)
    /// With an adaptive estimator (adaptive IMLE) this call also advances its state.
    ///
    /// ```swift
    /// let dTheta = try layer.backward(dLdz, tape)
    /// let sfe = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses))
    /// ```
    ///
    /// - Parameters:
    ///   - dLdz: ∂L/∂z, shaped like the forward output.
    ///   - tape: the tape of the forward pass.
    ///   - context: the inputs some estimators need beyond ∂L/∂z: the per-sample losses of
    ///     ``ScoreFunction``, the candidate scorer of ``DirectLoss``'s exact mode, or a user
    ///     estimator's own entries.
    /// - Returns: ∂L/∂θ, B × n.
    /// - Throws: ``LayerError`` for a foreign tape, a ∂L/∂z of the wrong shape or non-finite,
    ///   missing or malformed context entries, an invalid configuration, or a solver failure.
    /// - Complexity: up to 2 · B · S solver calls (central differences), B · S for the
    ///   forward and backward schemes, none for the baselines.
    public func backward(_ dLdz: Matrix, _ tape: SolverTape, context: BackwardContext = BackwardContext()) throws(LayerError) -> Matrix {
        try backwardWithStatistics(dLdz, tape, context: context).gradient
    }

    /// ``backward(_:_:context:)``, and what the pass did: the mean step λ, the sparsity of
    /// the finite differences and, for adaptive IMLE, the α it used — the quantities a
    /// training trace follows.
    ///
    /// - Parameters: as ``backward(_:_:context:)``.
    /// - Returns: ∂L/∂θ (B × n) and the pass's ``BackwardStatistics``.
    /// - Throws: as ``backward(_:_:context:)``.
    public func backwardWithStatistics(
        _ dLdz: Matrix, _ tape: SolverTape, context: BackwardContext = BackwardContext()
    ) throws(LayerError) -> (gradient: Matrix, statistics: BackwardStatistics) {
        guard tape.layer == identity else {
            throw LayerError(.foreignTape, "the tape was recorded by another layer")
        }
        try validateConfiguration()
        let expectedRows = tape.output == .perSample ? tape.batchSize * tape.sampleCount : tape.batchSize
        try Self.validate(dLdz, named: "∂L/∂z", rows: expectedRows, columns: tape.theta.columns)
        let pass = BackwardPass(solver: solver, tape: tape, upstream: dLdz, perturbation: perturbation,
                                parallelism: parallelism, perturbationFloor: perturbationFloor)
        let estimate = try Self.estimate(with: estimator, pass, states: states, context: context)
        return (estimate.gradient, estimate.statistics)
    }

    /// Runs `estimator` on its state (made by the estimator on its first pass), and keeps the
    /// state it leaves.
    private static func estimate<Estimator: GradientEstimator>(
        with estimator: Estimator, _ pass: BackwardPass<Solver>, states: EstimatorStates, context: BackwardContext
    ) throws(LayerError) -> BackwardEstimate {
        var state = states.state(Estimator.State.self) ?? estimator.makeState()
        defer { states.store(state) }
        return try estimator.backward(pass, state: &state, context: context)
    }
}
