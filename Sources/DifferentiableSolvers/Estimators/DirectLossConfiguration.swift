/// Settings of direct loss minimisation through argmax (Lorberbom et al. 2019, Theorem 2;
/// McAllester et al. 2010).
///
/// With z = MAP(φ + γ) the sampled state and ε the perturbation, the estimate of
/// ∇φ E[L(z)] is (z − z_ε) / ε where z_ε maximises the loss-augmented objective
/// ⟨z′, φ + γ⟩ − ε · L(z′). (Maximising f = −L: this is the paper's
/// [∇h(z_ε) − ∇h(z)] / ε with the sign of a loss.)
///
/// * ``Mode-swift.enum/firstOrder``: L is linearised, L(z′) ≈ ⟨∂L/∂z, z′⟩, so
///   z_ε = MAP(φ + γ − ε ∂L/∂z) — one solver call per sample (the same estimate as forward
///   IMLE with λ = ε).
/// * ``Mode-swift.enum/exact(blockSize:)``: L itself is evaluated on candidates. The latent
///   is a sequence of blocks of `blockSize` entries, each one-hot or a k-subset; for every
///   block and every one-slot change of it (moving one selected entry to an unselected
///   position) the caller's scorer returns L, and each block takes its loss-augmented
///   argmax with the other blocks fixed — the paper's Algorithm 1 for one categorical
///   latent, and its low-dimensional approximation (§4.1) for several.
///
/// ```swift
/// let estimator = GradientEstimator.directLoss(DirectLossConfiguration(mode: .exact(blockSize: 10),
///                                                                      epsilon: .paper))
/// let dTheta = try layer.backward(dLdz, tape, scorer: { candidates, rows in decoderLoss(candidates, rows) })
/// ```
public struct DirectLossConfiguration: Sendable, Hashable, Codable {
    /// How the loss-perturbed state is found.
    public enum Mode: Sendable, Hashable, Codable {
        /// Linearise the loss with ∂L/∂z.
        case firstOrder
        /// Evaluate the loss on every one-slot change of each block of `blockSize` entries.
        case exact(blockSize: Int)
    }

    /// How the loss-perturbed state is found.
    public var mode: Mode
    /// The perturbation ε (constant or annealed with the layer's step).
    public var epsilon: EpsilonSchedule

    /// Creates a configuration.
    public init(mode: Mode = .firstOrder, epsilon: EpsilonSchedule = .constant(1)) {
        self.mode = mode
        self.epsilon = epsilon
    }

    var configurationProblem: String? {
        if case .exact(let blockSize) = mode, blockSize < 2 {
            return "exact direct loss needs blocks of at least 2 entries (got \(blockSize))"
        }
        return epsilon.configurationProblem
    }
}
