/// How adaptive IMLE moves α after each backward pass, given whether the moving average of
/// non-zero gradient entries ḡ is at most the target c ("too sparse": increase α) or above.
public enum AlphaAdaptation: Sendable, Hashable, Codable {
    /// α ← max(0, α ± η): the paper's Eq. 10 with a constant step.
    case additive(step: Double)
    /// u ← μ·u_prev ± η; α ← max(0, α + u): a constant step with momentum (torch-adaptive-imle's
    /// `beta_update_momentum`), which accelerates a long warm-up.
    case momentum(step: Double, momentum: Double)
    /// α ← max(α, floor) · (1 + r) when increasing, α / (1 + r) when decreasing: reaches any
    /// scale in logarithmically many steps. The paper's conclusion names faster adaptation as
    /// the remedy for its warm-up limitation; this is one such rule, and the default of
    /// ``AdaptiveIMLE``.
    case multiplicative(rate: Double, floor: Double)

    /// The paper's rule: additive steps of η = 10⁻³.
    public static let paper = AlphaAdaptation.additive(step: 1e-3)

    /// Multiplicative steps of 20 % from a floor of 0.01 (the default): α reaches 0.1 in 13
    /// passes where the paper's rule needs 100.
    public static func multiplicative() -> AlphaAdaptation { .multiplicative(rate: 0.2, floor: 0.01) }

    var configurationProblem: String? {
        switch self {
        case .additive(let step):
            return step > 0 && step.isFinite ? nil : "the α step η must be > 0 (got \(step))"
        case .momentum(let step, let momentum):
            if !(step > 0) || !step.isFinite { return "the α step η must be > 0 (got \(step))" }
            return momentum >= 0 && momentum < 1 ? nil : "the α momentum must be in [0, 1) (got \(momentum))"
        case .multiplicative(let rate, let floor):
            if !(rate > 0) || !rate.isFinite { return "the α rate must be > 0 (got \(rate))" }
            return floor > 0 && floor.isFinite ? nil : "the α floor must be > 0 (got \(floor))"
        }
    }
}
