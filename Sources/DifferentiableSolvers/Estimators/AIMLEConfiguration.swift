/// Settings of adaptive IMLE (Minervini et al. 2023, Algorithm 1).
///
/// The step is λ = α · ‖θ‖ / ‖∂L/∂z‖ (Eq. 8), computed per row on the very θ that is
/// perturbed and whose gradient it scales (a row whose θ is zero uses the batch's
/// root-mean-square row norm instead, so it still gets a gradient). After every backward
/// pass the layer updates an exponential moving average ḡ of the number of non-zero entries
/// of the finite difference per sample (Eq. 9) and moves α towards the target c (Eq. 10).
/// Samples whose ∂L/∂z is zero have no finite difference whatever λ is; they are left out
/// of ḡ, and a batch without any signal leaves α unchanged.
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
/// let estimator = GradientEstimator.aimle(AIMLEConfiguration())       // the defaults
/// let published = GradientEstimator.aimle(.paper)                     // Algorithm 1 exactly
/// ```
public struct AIMLEConfiguration: Sendable, Hashable, Codable {
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

    /// Creates a configuration; see the type's discussion for the defaults.
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
    public static let paper = AIMLEConfiguration(adaptation: .paper)

    var configurationProblem: String? {
        if !(targetNonZeros > 0) || !targetNonZeros.isFinite { return "AIMLE needs a target c > 0 (got \(targetNonZeros))" }
        if !(decay > 0 && decay <= 1) { return "AIMLE needs a decay γ in (0, 1] (got \(decay))" }
        if !(initialAlpha >= 0) || !initialAlpha.isFinite { return "AIMLE needs α₀ ≥ 0 (got \(initialAlpha))" }
        if !(initialNonZeros >= 0) || !initialNonZeros.isFinite {
            return "AIMLE needs a finite initial moving average ḡ₀ ≥ 0 (got \(initialNonZeros))"
        }
        return adaptation.configurationProblem
    }
}
