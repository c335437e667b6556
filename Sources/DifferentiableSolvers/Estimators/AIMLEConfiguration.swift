/// Settings of adaptive IMLE (Minervini et al. 2023, Algorithm 1).
///
/// The step is λ = α · ‖θ‖ / ‖∂L/∂z‖ (Eq. 8), computed per row on the very θ that is
/// perturbed and whose gradient it scales. After every backward pass the layer updates an
/// exponential moving average ḡ of the number of non-zero entries of the finite difference
/// per sample (Eq. 9) and moves α towards the target c (Eq. 10). The defaults are the
/// paper's: c = 1, γ = 0.9, η = 10⁻³, α₀ = 0, ḡ₀ = 1.
///
/// ```swift
/// let estimator = GradientEstimator.aimle(scheme: .central)              // the paper's
/// let faster = GradientEstimator.aimle(AIMLEConfiguration(adaptation: .multiplicative()))
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

    /// Creates a configuration; the defaults reproduce the paper.
    public init(
        scheme: DifferenceScheme = .forward,
        targetNonZeros: Double = 1,
        decay: Double = 0.9,
        adaptation: AlphaAdaptation = .paper,
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

    var configurationProblem: String? {
        if !(targetNonZeros > 0) || !targetNonZeros.isFinite { return "AIMLE needs a target c > 0 (got \(targetNonZeros))" }
        if !(decay > 0 && decay <= 1) { return "AIMLE needs a decay γ in (0, 1] (got \(decay))" }
        if !(initialAlpha >= 0) || !initialAlpha.isFinite { return "AIMLE needs α₀ ≥ 0 (got \(initialAlpha))" }
        return adaptation.configurationProblem
    }
}
