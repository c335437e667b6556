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
/// * ``directLoss(_:)`` — direct optimisation through argmax (Lorberbom et al. 2019): when the
///   loss can be evaluated on candidate states (a VAE decoder), its exact mode searches the
///   loss-augmented argmax instead of linearising the loss.
/// * ``blackbox(lambda:)`` — blackbox differentiation (Vlastelica/Pogančić et al. 2020) for
///   solvers trained on a supervised loss; use it with `noise: .none`.
/// * ``perturbedOptimizer(_:)`` — Berthet et al. 2020: the forward mean of perturbed
///   solutions is a smooth function whose Jacobian is estimated by Stein's lemma; pairs with
///   ``FenchelYoungLoss`` when target structures are known.
/// * ``gumbelSoftmax(temperature:blockSize:)`` — straight-through Gumbel-softmax for one-hot
///   blocks (Jang et al. 2017): a relaxation baseline.
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
    /// Direct loss minimisation; the exact mode needs a `scorer` in `backward`.
    case directLoss(DirectLossConfiguration)
    /// Blackbox differentiation: z_λ = MAP(θ ∓ λ ∂L/∂z) (the sign per the solver's sense),
    /// ∂L/∂θ = ±(z − z_λ) / λ — the interpolation of Vlastelica et al. 2020 (their λ = 20
    /// for Warcraft shortest paths).
    case blackbox(lambda: Float)
    /// The perturbed optimiser's Jacobian estimate.
    case perturbedOptimizer(PerturbedOptimizerConfiguration)
    /// Straight-through Gumbel-softmax: the forward pass keeps the hard one-hot sample; the
    /// backward pass uses the Jacobian of softmax((φ + g) / t) within each block of
    /// `blockSize` entries.
    case gumbelSoftmax(temperature: Float, blockSize: Int)
    /// IMLE with step `lambda`.
    public static func imle(lambda: Float, scheme: DifferenceScheme = .forward, targetScale: Float = 1) -> GradientEstimator {
        .imle(IMLEConfiguration(lambda: lambda, scheme: scheme, targetScale: targetScale))
    }

    /// Adaptive IMLE with the default target and the given scheme and α rule (see
    /// ``AIMLEConfiguration`` for the defaults and ``AIMLEConfiguration/paper`` for the
    /// paper's exact setting).
    public static func aimle(scheme: DifferenceScheme = .central, adaptation: AlphaAdaptation = .multiplicative()) -> GradientEstimator {
        .aimle(AIMLEConfiguration(scheme: scheme, adaptation: adaptation))
    }

    /// A short human-readable name, e.g. "AIMLE (central)".
    public var name: String {
        switch self {
        case .imle(let c): "IMLE (\(c.scheme.rawValue), λ = \(c.lambda))"
        case .aimle(let c): "AIMLE (\(c.scheme.rawValue))"
        case .straightThrough: "STE"
        case .scoreFunction: "SFE"
        case .directLoss(let c):
            switch c.mode {
            case .firstOrder: "direct loss (first-order)"
            case .exact: "direct loss (exact)"
            }
        case .blackbox(let lambda): "blackbox (λ = \(lambda))"
        case .perturbedOptimizer: "perturbed optimiser"
        case .gumbelSoftmax(let t, _): "Gumbel-softmax (t = \(t))"
        }
    }

    var configurationProblem: String? {
        switch self {
        case .imle(let c): c.configurationProblem
        case .aimle(let c): c.configurationProblem
        case .straightThrough, .scoreFunction, .perturbedOptimizer: nil
        case .directLoss(let c): c.configurationProblem
        case .blackbox(let lambda):
            lambda > 0 && lambda.isFinite ? nil : "blackbox needs a finite λ > 0 (got \(lambda))"
        case .gumbelSoftmax(let temperature, let blockSize):
            if !(temperature > 0) || !temperature.isFinite { "Gumbel-softmax needs a temperature > 0 (got \(temperature))" }
            else if blockSize < 1 { "Gumbel-softmax needs blocks of at least one entry (got \(blockSize))" }
            else { nil }
        }
    }
}
