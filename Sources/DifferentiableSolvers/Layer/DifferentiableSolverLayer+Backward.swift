extension DifferentiableSolverLayer {
    /// Estimates ∂L/∂θ from ∂L/∂z with the layer's estimator.
    ///
    /// The result is the vector–Jacobian product of the forward pass's output: with
    /// per-sample output, the sum over the samples of each sample's estimate; with mean
    /// output, the mean. (Both equal the Monte-Carlo estimate of ∇θ E[f(z)] when ∂L/∂z is
    /// ∇f(z) for each sample and the loss is Σ_s f(z_s) / S, respectively f(z̄).)
    /// With adaptive IMLE this call also advances the adaptive state.
    ///
    /// - Parameters:
    ///   - dLdz: ∂L/∂z, shaped like the forward output.
    ///   - tape: the tape of the forward pass.
    ///   - sampleLosses: the loss of every sample ((B · S) values, sample-major within a row);
    ///     required by ``GradientEstimator/scoreFunction`` only.
    ///   - scorer: evaluates the loss of candidate states; required by the exact mode of
    ///     ``GradientEstimator/directLoss(_:)`` only.
    /// - Returns: ∂L/∂θ, B × n.
    /// - Throws: ``LayerError`` for a foreign tape, a ∂L/∂z of the wrong shape or non-finite,
    ///   missing or malformed losses, an invalid configuration, or a solver failure.
    /// - Complexity: up to 2 · B · S solver calls (central differences), B · S for the
    ///   forward and backward schemes, none for the baselines.
    public func backward(
        _ dLdz: Matrix, _ tape: SolverTape, sampleLosses: [Float]? = nil, scorer: CandidateScorer? = nil
    ) throws(LayerError) -> Matrix {
        try backwardWithStatistics(dLdz, tape, sampleLosses: sampleLosses, scorer: scorer).gradient
    }

    /// ``backward(_:_:sampleLosses:scorer:)``, and what the pass did: the mean step λ, the
    /// sparsity of the finite differences and, for adaptive IMLE, the α it used — the
    /// quantities a training trace follows.
    ///
    /// - Parameters: as ``backward(_:_:sampleLosses:scorer:)``.
    /// - Returns: ∂L/∂θ (B × n) and the pass's ``BackwardStatistics``.
    /// - Throws: as ``backward(_:_:sampleLosses:scorer:)``.
    public func backwardWithStatistics(
        _ dLdz: Matrix, _ tape: SolverTape, sampleLosses: [Float]? = nil, scorer: CandidateScorer? = nil
    ) throws(LayerError) -> (gradient: Matrix, statistics: BackwardStatistics) {
        guard tape.owner === adaptiveState else {
            throw LayerError(.foreignTape, "the tape was recorded by another layer")
        }
        try validateConfiguration()
        let expectedRows = tape.output == .perSample ? tape.batchSize * tape.sampleCount : tape.batchSize
        try Self.validate(dLdz, named: "∂L/∂z", rows: expectedRows, columns: tape.theta.columns)
        let gradient = GradientComputation(solver: solver, tape: tape, upstream: dLdz,
                                           forwardTemperature: forwardTemperature,
                                           targetTemperature: targetTemperature, parallelism: parallelism,
                                           perturbationFloor: perturbationFloor)
        do {
            switch estimator {
            case .straightThrough:
                return (gradient.straightThrough(), BackwardStatistics())
            case .scoreFunction:
                guard let sampleLosses else {
                    throw LayerError(.missingSampleLosses, "the score-function estimator needs the loss of every sample")
                }
                return (try gradient.scoreFunction(losses: sampleLosses), BackwardStatistics())
            case .imle(let configuration):
                let step = FiniteDifferenceStep.fixed(lambda: configuration.lambda, targetScale: configuration.targetScale)
                return try gradient.finiteDifferenceWithStatistics(scheme: configuration.scheme, step: step)
            case .blackbox(let lambda):
                return try gradient.finiteDifferenceWithStatistics(scheme: .forward, step: .fixed(lambda: lambda, targetScale: 1))
            case .directLoss(let configuration):
                let epsilon = Float(configuration.epsilon.value(atStep: tape.step))
                switch configuration.mode {
                case .firstOrder:
                    return try gradient.finiteDifferenceWithStatistics(scheme: .forward, step: .fixed(lambda: epsilon, targetScale: 1))
                case .exact(let blockSize):
                    guard let scorer else {
                        throw LayerError(.missingSampleLosses, "exact direct loss needs a scorer for candidate states")
                    }
                    return (try gradient.exactDirectLoss(blockSize: blockSize, epsilon: epsilon, scorer: scorer), BackwardStatistics())
                }
            case .perturbedOptimizer(let configuration):
                return (try gradient.perturbedOptimizer(configuration, noise: noise), BackwardStatistics())
            case .gumbelSoftmax(let temperature, let blockSize):
                return (try gradient.gumbelSoftmax(temperature: temperature, blockSize: blockSize), BackwardStatistics())
            case .aimle(let configuration):
                let alpha = adaptiveState.snapshot.alpha
                let step = FiniteDifferenceStep.adaptive(alpha: alpha, fallbackThetaNorm: gradient.rootMeanSquareRowNorm())
                var result = try gradient.finiteDifferenceWithStatistics(scheme: configuration.scheme, step: step)
                result.statistics.alpha = alpha
                // Rows without a gradient signal say nothing about λ (Eq. 9 averages over
                // the examples that have one); a batch without any leaves α where it is.
                if result.statistics.silentRows < tape.batchSize {
                    adaptiveState.update(meanNonZeros: result.statistics.meanNonZeros, configuration: configuration)
                }
                return result
            }
        } catch let error as LayerError {
            throw error
        } catch let error as SolverError {
            throw LayerError(error)
        } catch {
            throw LayerError(.solverFailed, "\(error)")
        }
    }
}
