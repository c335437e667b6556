/// The perturbation of perturb-and-MAP as one value: its form, its noise distribution and
/// its two temperatures.
///
/// The forward pass solves θ + sense·τ·ε (additive) or θ ∘ exp(sense·τ·ε − τ²/2)
/// (multiplicative, Berthet et al. 2020, §3.1), with τ the ``forwardTemperature`` and ε drawn
/// from ``noise``; the backward pass of the IMLE family perturbs its target parameters with
/// the same ε scaled by ``targetTemperature``. A layer assembles it from its settings and its
/// estimator's ``GradientEstimator/perturbationForm``.
///
/// ```swift
/// let perturbation = layer.perturbation
/// perturbation.form == .additive; perturbation.noise == .gumbel
/// ```
public struct Perturbation: Sendable, Hashable, Codable {
    /// How the noise enters the parameters.
    public enum Form: String, Sendable, Hashable, Codable {
        /// θ + sense · τ · ε.
        case additive
        /// θ ∘ exp(sense · τ · ε − τ²/2), for positive θ.
        case multiplicative
    }

    /// How the noise enters the parameters.
    public var form: Form
    /// The distribution ρ(ε).
    public var noise: NoiseDistribution
    /// The temperature τ of the forward perturbation.
    public var forwardTemperature: Float
    /// The temperature of the perturbation of the target parameters in the backward pass.
    public var targetTemperature: Float

    /// Creates a perturbation.
    public init(form: Form = .additive, noise: NoiseDistribution = .gumbel, forwardTemperature: Float = 1,
                targetTemperature: Float = 1) {
        self.form = form
        self.noise = noise
        self.forwardTemperature = forwardTemperature
        self.targetTemperature = targetTemperature
    }
}
