/// How a ``DifferentiableSolverLayer`` turns ∂L/∂z into ∂L/∂θ.
///
/// Choosing one:
/// * ``aimle(_:)`` — adaptive IMLE (Minervini et al. 2023): no step to tune; the default
///   choice when the loss is a function of the sampled structures.
/// * ``imle(_:)`` — IMLE with a fixed step λ (Niepert et al. 2021), for reproducing
///   published settings or when λ has been tuned.
/// * ``straightThrough`` — treats the solver as the identity (up to the sense): cheap,
///   biased; a baseline.
/// * ``scoreFunction`` — REINFORCE with a leave-one-out baseline: unbiased, high variance,
///   needs the per-sample loss values; a baseline.
///
/// ```swift
/// var layer = DifferentiableSolverLayer(solver: TopK(k: 5), estimator: .aimle(scheme: .central),
///                                       noise: .gumbel, samples: 10, seed: 42)
/// ```
public enum GradientEstimator: Sendable, Hashable, Codable {
    /// IMLE with a fixed step.
    case imle(IMLEConfiguration)
    /// Adaptive IMLE.
    case aimle(AIMLEConfiguration)
    /// The straight-through estimator (Bengio et al. 2013): ∂L/∂θ = sense · ∂L/∂z.
    case straightThrough
    /// The score-function estimator (Williams 1992) with a leave-one-out baseline; needs
    /// `sampleLosses` in `backward` and at least two samples.
    case scoreFunction

    /// IMLE with step `lambda`.
    public static func imle(lambda: Float, scheme: DifferenceScheme = .forward, targetScale: Float = 1) -> GradientEstimator {
        .imle(IMLEConfiguration(lambda: lambda, scheme: scheme, targetScale: targetScale))
    }

    /// Adaptive IMLE with the paper's defaults and the given scheme and α rule.
    public static func aimle(scheme: DifferenceScheme = .forward, adaptation: AlphaAdaptation = .paper) -> GradientEstimator {
        .aimle(AIMLEConfiguration(scheme: scheme, adaptation: adaptation))
    }

    /// A short human-readable name, e.g. "AIMLE (central)".
    public var name: String {
        switch self {
        case .imle(let c): "IMLE (\(c.scheme.rawValue), λ = \(c.lambda))"
        case .aimle(let c): "AIMLE (\(c.scheme.rawValue))"
        case .straightThrough: "STE"
        case .scoreFunction: "SFE"
        }
    }

    var configurationProblem: String? {
        switch self {
        case .imle(let c): c.configurationProblem
        case .aimle(let c): c.configurationProblem
        case .straightThrough, .scoreFunction: nil
        }
    }
}
