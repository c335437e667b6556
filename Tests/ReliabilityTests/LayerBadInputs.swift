import CombinatorialSolvers
import DifferentiableSolvers
import Testing

/// Hostile inputs of ``DifferentiableSolverLayer``: its configuration, θ, ∂L/∂z, the tape and the
/// extra inputs of the score-function and exact direct-loss estimators.
enum LayerBadInput: String, CaseIterable, Sendable, CustomTestStringConvertible {
    // The control: nothing spoilt; every estimator must give a non-zero gradient.
    case ordinary
    // Configuration.
    case noSamples, negativeSamples, notANumberTemperature, negativeTemperature, gammaNoiseWithoutIterations
    // θ.
    case thetaNotANumber, thetaInfinite, thetaOneColumnLong, thetaInconsistent, thetaNoRows
    case thetaScaledUp, thetaScaledDown, thetaZero
    // ∂L/∂z.
    case gradientNotANumber, gradientInfinite, gradientExtraRow, gradientOneColumnShort, gradientInconsistent
    case gradientZero, gradientScaledUp, gradientScaledDown
    // Tape and estimator-specific inputs.
    case foreignTape, noSampleLosses, sampleLossesShort, sampleLossNotANumber, scorerThrows, scorerCountWrong

    var testDescription: String { rawValue }

    /// What the layer must do with this input under `estimator`.
    func expectation(for estimator: any GradientEstimator) -> LayerExpectation {
        switch self {
        case .ordinary:
            return .answers
        case .noSamples, .negativeSamples, .notANumberTemperature, .negativeTemperature, .gammaNoiseWithoutIterations:
            return .fails([.invalidConfiguration])
        case .thetaNotANumber, .thetaInfinite, .gradientNotANumber, .gradientInfinite:
            return .fails([.nonFiniteInput])
        case .thetaOneColumnLong:
            // Block top-k takes rows of any whole number of blocks, so the solver itself refuses seven entries.
            return .fails([.shapeMismatch, .solverFailed])
        case .thetaInconsistent, .gradientExtraRow, .gradientOneColumnShort, .gradientInconsistent:
            return .fails([.shapeMismatch])
        case .foreignTape:
            return .fails([.foreignTape])
        case .thetaNoRows, .thetaScaledUp, .thetaScaledDown, .thetaZero, .gradientZero, .gradientScaledUp, .gradientScaledDown:
            return .answersOrRefuses
        case .noSampleLosses, .sampleLossesShort, .sampleLossNotANumber:
            guard estimator is ScoreFunction else { return .answers }
            switch self {
            case .noSampleLosses: return .fails([.missingSampleLosses])
            case .sampleLossesShort: return .fails([.shapeMismatch])
            default: return .fails([.nonFiniteInput])
            }
        case .scorerThrows, .scorerCountWrong:
            guard let directLoss = estimator as? DirectLoss, case .exact = directLoss.mode else { return .answers }
            return .fails([self == .scorerThrows ? .invalidConfiguration : .shapeMismatch])
        }
    }

    /// Runs forward and backward on a batch of two rows of six entries (one-hot blocks of
    /// three), three samples each, with this input spoiling one step.
    func run(_ estimator: any GradientEstimator) throws(LayerError) -> (theta: Matrix, gradient: Matrix) {
        let solver = try! BlockTopK(blockSize: 3, k: 1)
        var layer = DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: 3, seed: 11, parallelism: .serial,
                                              adaptiveState: Estimators.warmState())
        if estimator is PerturbedOptimizer { layer.noise = .normal }  // Berthet et al. 2020 perturb with N(0, I)
        switch self {
        case .noSamples: layer.samples = 0
        case .negativeSamples: layer.samples = -4
        case .notANumberTemperature: layer.forwardTemperature = .nan
        case .negativeTemperature: layer.targetTemperature = -1
        case .gammaNoiseWithoutIterations: layer.noise = .sumOfGamma(k: 3, iterations: 0)
        default: break
        }
        let base: [Float] = [0.5, 1.5, 0.25, 2, 0.75, 1]  // positive: the multiplicative perturbed optimiser needs θ > 0
        let target: [Float] = [1, 0, 0, 0, 0, 1]
        var theta = Matrix(stacking: [base, base.reversed()])
        switch self {
        case .thetaNotANumber: theta[1, 2] = .nan
        case .thetaInfinite: theta[0, 4] = .infinity
        case .thetaOneColumnLong: theta = Matrix(stacking: [base + [1], base + [2]])
        case .thetaInconsistent: theta.values.removeLast()
        case .thetaNoRows: theta = Matrix(rows: 0, columns: 6, values: [])
        case .thetaScaledUp: theta.values = theta.values.map { $0 * 1e30 }
        case .thetaScaledDown: theta.values = theta.values.map { $0 * 1e-30 }
        case .thetaZero: theta.values = theta.values.map { _ in 0 }
        default: break
        }
        let (z, tape) = try layer.forward(theta)
        var dLdz = Estimators.gradient(of: z, target: target)
        switch self {
        case .gradientNotANumber: if !dLdz.values.isEmpty { dLdz.values[0] = .nan }
        case .gradientInfinite: if !dLdz.values.isEmpty { dLdz.values[dLdz.values.count - 1] = -.infinity }
        case .gradientExtraRow: dLdz = Matrix(stacking: dLdz.rowArrays + [target])
        case .gradientOneColumnShort: dLdz = Matrix(stacking: dLdz.rowArrays.map { Array($0.dropLast()) })
        case .gradientInconsistent: dLdz.rows += 1
        case .gradientZero: dLdz.values = dLdz.values.map { _ in 0 }
        case .gradientScaledUp: dLdz.values = dLdz.values.map { $0 * 1e30 }
        case .gradientScaledDown: dLdz.values = dLdz.values.map { $0 * 1e-30 }
        default: break
        }
        let losses = (0..<tape.samples.rows).map { Estimators.loss(tape.samples.row($0), target) }
        let scorer: CandidateScorer = { candidates, _ in
            (0..<candidates.rows).map { Estimators.loss(candidates.row($0), target) }
        }
        let gradient: Matrix
        switch self {
        case .foreignTape:
            let other = DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: 3, seed: 11,
                                                  adaptiveState: Estimators.warmState())
            gradient = try other.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses, scorer: scorer))
        case .noSampleLosses: gradient = try layer.backward(dLdz, tape, context: BackwardContext(scorer: scorer))
        case .sampleLossesShort: gradient = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: Array(losses.dropLast()), scorer: scorer))
        case .sampleLossNotANumber:
            gradient = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: [.nan] + losses.dropFirst(), scorer: scorer))
        case .scorerThrows:
            gradient = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses, scorer: { _, _ in throw ScorerFailure() }))
        case .scorerCountWrong:
            let short: CandidateScorer = { candidates, rows in Array(try scorer(candidates, rows).dropLast()) }
            gradient = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses, scorer: short))
        default: gradient = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses, scorer: scorer))
        }
        return (theta, gradient)
    }
}

/// What a hostile input must lead to.
enum LayerExpectation: Equatable {
    /// A typed error of one of these kinds.
    case fails(Set<LayerError.Kind>)
    /// A finite gradient of θ's shape.
    case answers
    /// Either a finite gradient of θ's shape or a typed error.
    case answersOrRefuses
}

/// The error a test scorer throws.
struct ScorerFailure: Error {}
