/// Adaptive IMLE (Minervini et al. 2023, Algorithm 1): IMLE whose step λ follows the
/// magnitudes of θ and ∂L/∂z, scaled by an α that adapts to a target sparsity of the gradient.
///
/// **Target distribution.** Instance b's target has parameters φ − λ_b ∂L/∂z with the step
/// of Eq. 8, λ_b = α · ‖θ_b‖ / ‖∂L/∂z‖, computed per row on the very θ that is perturbed and
/// whose gradient it scales (a row whose θ is zero uses the batch's root-mean-square row norm
/// instead, so it still gets a gradient).
/// The gradient is the chosen finite difference of MAP states divided by λ_b.
///
/// **State.** After every backward pass the estimator updates an exponential moving average ḡ
/// of the number of non-zero entries of the finite difference per sample (Eq. 9) and moves α
/// towards the target c (Eq. 10) — ``advanced(_:meanNonZeros:)``; the layer keeps the
/// ``AdaptiveState``. Samples whose ∂L/∂z is zero have no finite difference whatever λ is;
/// they are left out of ḡ, and a batch without any signal leaves α unchanged.
///
/// The defaults are Algorithm 1's central differences with the paper's c = 1, γ = 0.9,
/// α₀ = 0, ḡ₀ = 1, and one change: α moves by multiplicative steps of 20 % from a floor of
/// 0.01 instead of the paper's additive η = 10⁻³. The paper names its warm-up as the
/// method's limitation and faster adaptive steps as the remedy (§ Conclusions): with η = 10⁻³
/// α needs 50 steps to reach 0.05, a typical working value, and a short run spends much of
/// its budget with λ ≈ 0 and zero gradients; multiplicative steps get there in about a
/// dozen and then follow the target as closely. ``paper`` is the paper's exact setting.
///
/// ```swift
/// let estimator: any GradientEstimator = .aimle(AIMLEConfiguration())   // the defaults
/// let published: any GradientEstimator = .aimle(.paper)                 // Algorithm 1 exactly
/// ```
public struct AdaptiveIMLE: GradientEstimator, Hashable, Codable {
    /// The finite-difference scheme (the paper's Algorithm 1 is `.central`).
    public var scheme: DifferenceScheme
    /// The target c for the mean number of non-zero gradient entries per sample.
    public var targetNonZeros: Double
    /// The discount γ of the moving average ḡ (Eq. 9).
    public var decay: Double
    /// How α moves towards the target.
    public var adaptation: AlphaAdaptation
    /// The initial α.
    public var initialAlpha: Double
    /// The initial moving average ḡ.
    public var initialNonZeros: Double

    /// Creates the estimator; see the type's discussion for the defaults.
    public init(
        scheme: DifferenceScheme = .central,
        targetNonZeros: Double = 1,
        decay: Double = 0.9,
        adaptation: AlphaAdaptation = .multiplicative(),
        initialAlpha: Double = 0,
        initialNonZeros: Double = 1
    ) {
        self.scheme = scheme
        self.targetNonZeros = targetNonZeros
        self.decay = decay
        self.adaptation = adaptation
        self.initialAlpha = initialAlpha
        self.initialNonZeros = initialNonZeros
    }

    /// The paper's Algorithm 1 exactly: central differences, c = 1, γ = 0.9, additive
    /// η = 10⁻³, α₀ = 0.
    public static let paper = AdaptiveIMLE(adaptation: .paper)

    /// "AIMLE (scheme)".
    public var name: String { "AIMLE (\(scheme.rawValue))" }

    /// Why the settings cannot work, or `nil`.
    public var configurationProblem: String? {
        if !(targetNonZeros > 0) || !targetNonZeros.isFinite { return "AIMLE needs a target c > 0 (got \(targetNonZeros))" }
        if !(decay > 0 && decay <= 1) { return "AIMLE needs a decay γ in (0, 1] (got \(decay))" }
        if !(initialAlpha >= 0) || !initialAlpha.isFinite { return "AIMLE needs α₀ ≥ 0 (got \(initialAlpha))" }
        if !(initialNonZeros >= 0) || !initialNonZeros.isFinite {
            return "AIMLE needs a finite initial moving average ḡ₀ ≥ 0 (got \(initialNonZeros))"
        }
        return adaptation.configurationProblem
    }

    /// A state at α₀ and ḡ₀.
    public func makeState() -> AdaptiveState {
        AdaptiveState(AdaptiveState.Snapshot(alpha: initialAlpha, nonZeroAverage: initialNonZeros))
    }

    /// The finite difference towards the target distribution at the state's α, then one step
    /// of Eqs. 9 and 10 on the state (unless no row had a gradient signal).
    ///
    /// - Returns: ∂L/∂θ and the pass's statistics, with the α it used.
    /// - Throws: ``LayerError`` wrapping a solver failure.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout AdaptiveState,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let alpha = state.snapshot.alpha
        var estimate = try pass.finiteDifference(scheme: scheme, target: targetDistribution(for: pass, alpha: alpha))
        estimate.statistics.alpha = alpha
        // Rows without a gradient signal say nothing about λ (Eq. 9 averages over the
        // examples that have one); a batch without any leaves α where it is.
        if estimate.statistics.silentRows < pass.batchSize {
            state.update(meanNonZeros: estimate.statistics.meanNonZeros, configuration: self)
        }
        return estimate
    }

    /// The target distribution at α: parameters φ − λ_b ∂L/∂z with λ_b of Eq. 8 for every row.
    func targetDistribution<Solver: MAPSolver>(for pass: BackwardPass<Solver>, alpha: Double) -> TargetDistribution {
        let fallback = rootMeanSquareRowNorm(pass)
        return TargetDistribution(lambdas: (0..<pass.batchSize).map { step(pass, row: $0, alpha: alpha, fallbackThetaNorm: fallback) })
    }

    /// Eq. 8 for row b, averaged over the row's samples as in Algorithm 1:
    /// λ = α · mean over samples of ‖θ_b‖ / ‖∂L/∂z_s‖ (samples with ∂L/∂z = 0 left out), with
    /// `fallbackThetaNorm` for a row whose θ is zero (the root-mean-square row norm of the batch,
    /// as the reference implementation's batch-wide norm would give; √n when all of θ is zero).
    func step<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, row b: Int, alpha: Double, fallbackThetaNorm: Double) -> Float {
        guard alpha > 0 else { return 0 }
        let n = pass.variableCount
        let rowNorm = pass.norm(pass.theta.values, from: b * n, count: n)
        let thetaNorm = rowNorm > 0 ? rowNorm : fallbackThetaNorm
        var ratioSum = 0.0, used = 0
        for s in 0..<pass.sampleCount {
            let dyNorm = pass.norm(pass.upstream.values, from: pass.upstream.offset(row: b, sample: s), count: n)
            if dyNorm > 0 { ratioSum += thetaNorm / dyNorm; used += 1 }
        }
        return used == 0 ? 0 : Float(alpha * ratioSum / Double(used))
    }

    /// The root-mean-square norm of θ's rows: the ‖θ‖ of Eq. 8 for a row whose θ is zero. When
    /// the whole batch's θ is zero (a network initialised at zero) it is √n, the norm of a row
    /// of unit entries, so that λ is not stuck at zero: α then adapts λ to the gradient's
    /// sparsity as usual.
    func rootMeanSquareRowNorm<Solver: MAPSolver>(_ pass: BackwardPass<Solver>) -> Double {
        guard pass.batchSize > 0 else { return 0 }
        let norm = pass.norm(pass.theta.values, from: 0, count: pass.theta.values.count) / Double(pass.batchSize).squareRoot()
        return norm > 0 ? norm : Double(pass.variableCount).squareRoot()
    }

    /// One step of Eqs. 9 and 10: ḡ ← γ ḡ + (1 − γ) · `meanNonZeros`; α rises by the
    /// ``adaptation`` rule while ḡ ≤ c ("too sparse") and falls otherwise, within
    /// [0, ``AdaptiveState/alphaCeiling``].
    ///
    /// - Parameters:
    ///   - state: the values before the step.
    ///   - meanNonZeros: the mean number of non-zero entries per informative sample of the pass.
    /// - Returns: the values after the step.
    public func advanced(_ state: AdaptiveState.Snapshot, meanNonZeros: Double) -> AdaptiveState.Snapshot {
        var state = state
        let gamma = decay
        state.nonZeroAverage = gamma * state.nonZeroAverage + (1 - gamma) * meanNonZeros
        let increase = state.nonZeroAverage <= targetNonZeros
        let old = state.alpha
        switch adaptation {
        case .additive(let step):
            state.alpha = max(0, old + (increase ? step : -step))
        case .momentum(let step, let momentum):
            let change = momentum * state.previousUpdate + (increase ? step : -step)
            state.alpha = max(0, old + change)
        case .multiplicative(let rate, let floor):
            state.alpha = increase ? max(old, floor) * (1 + rate) : old / (1 + rate)
        }
        state.alpha = min(state.alpha, AdaptiveState.alphaCeiling)
        state.previousUpdate = state.alpha - old
        state.updates += 1
        return state
    }
}

/// The settings of adaptive IMLE are the estimator itself; the name used before the
/// estimator protocol.
public typealias AIMLEConfiguration = AdaptiveIMLE

extension GradientEstimator where Self == AdaptiveIMLE {
    /// Adaptive IMLE with the given settings.
    public static func aimle(_ configuration: AdaptiveIMLE) -> AdaptiveIMLE { configuration }

    /// Adaptive IMLE with the default target and the given scheme and α rule (see
    /// ``AdaptiveIMLE`` for the defaults and ``AdaptiveIMLE/paper`` for the paper's exact setting).
    public static func aimle(scheme: DifferenceScheme = .central, adaptation: AlphaAdaptation = .multiplicative()) -> AdaptiveIMLE {
        AdaptiveIMLE(scheme: scheme, adaptation: adaptation)
    }
}
