/// Settings of implicit maximum-likelihood estimation with a fixed step (Niepert et al. 2021).
///
/// The target distribution has parameters `targetScale · φ − λ · ∂L/∂z` (torch-imle's
/// `TargetDistribution(alpha:, beta:)`); the gradient is the chosen finite difference of
/// MAP states divided by λ.
///
/// ```swift
/// let estimator = GradientEstimator.imle(lambda: 10, scheme: .central)
/// ```
public struct IMLEConfiguration: Sendable, Hashable, Codable {
    /// The step λ > 0 along −∂L/∂z.
    public var lambda: Float
    /// The finite-difference scheme.
    public var scheme: DifferenceScheme
    /// The scale of φ in the target parameters (1 in the IMLE paper).
    public var targetScale: Float

    /// Creates a configuration.
    public init(lambda: Float = 10, scheme: DifferenceScheme = .forward, targetScale: Float = 1) {
        self.lambda = lambda
        self.scheme = scheme
        self.targetScale = targetScale
    }

    var configurationProblem: String? {
        if !(lambda > 0) || !lambda.isFinite { return "IMLE needs a finite λ > 0 (got \(lambda))" }
        if !targetScale.isFinite { return "IMLE needs a finite target scale (got \(targetScale))" }
        return nil
    }
}
