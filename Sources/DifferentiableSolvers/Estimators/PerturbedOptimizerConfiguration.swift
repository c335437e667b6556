/// Settings of the perturbed optimiser (Berthet et al. 2020, "Learning with differentiable
/// perturbed optimizers").
///
/// The forward pass is the Monte-Carlo mean y_σ(θ) = E[MAP(θ + σZ)] (use
/// `output: .mean`); σ is the layer's forward temperature and Z its noise. The backward pass
/// uses the Jacobian estimate J = E[MAP(θ + σZ) ∇ν(Z)ᵀ] / σ with ν = −log ρ (∇ν(Z) = Z for
/// normal noise, 1 − e^{−Z} for Gumbel), i.e. ∇θ = E[⟨MAP(θ + σZ), ∂L/∂y⟩ ∇ν(Z)] / σ.
/// A leave-one-out baseline subtracts from each sample's ⟨z, ∂L/∂y⟩ the mean over the other
/// samples, which keeps the estimate unbiased and lowers its variance. The multiplicative
/// form perturbs θ ∘ exp(σZ − σ²/2) for positive θ (Berthet et al., §3.1).
public struct PerturbedOptimizerConfiguration: Sendable, Hashable, Codable {
    /// Whether a leave-one-out baseline reduces the variance (needs S ≥ 2).
    public var leaveOneOutBaseline: Bool
    /// Additive θ + σZ, or multiplicative θ ∘ exp(σZ − σ²/2).
    public var multiplicative: Bool

    /// Creates a configuration.
    public init(leaveOneOutBaseline: Bool = true, multiplicative: Bool = false) {
        self.leaveOneOutBaseline = leaveOneOutBaseline
        self.multiplicative = multiplicative
    }
}
