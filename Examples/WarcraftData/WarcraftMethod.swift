import DifferentiableSolvers

/// The ways of getting a gradient through the shortest-path solver that the Warcraft
/// example compares.
public enum WarcraftMethod: String, CaseIterable, Sendable, Codable {
    /// Adaptive IMLE with central differences (Minervini et al. 2023, Algorithm 1).
    case aimleCentral = "aimle-central"
    /// Adaptive IMLE with forward differences.
    case aimleForward = "aimle-forward"
    /// IMLE with a fixed λ (Niepert et al. 2021).
    case imle
    /// Blackbox differentiation (Pogančić et al. 2020), without perturbation.
    case blackbox
    /// Direct loss minimisation, first-order (Lorberbom et al. 2019).
    case directLoss = "direct-loss"
    /// Perturbed optimiser trained with its Fenchel–Young loss (Berthet et al. 2020).
    case perturbedOptimizer = "perturbed-optimizer"
    /// Straight-through: ∂L/∂z passed on as ∂L/∂θ.
    case straightThrough = "straight-through"

    /// The estimator; `lambda` is used by IMLE and blackbox, `aimleTarget` (the target c of
    /// non-zero gradient entries) and `adaptation` by AIMLE.
    public func estimator(lambda: Float, aimleTarget: Double = 1, adaptation: AlphaAdaptation = .paper) -> any GradientEstimator {
        switch self {
        case .aimleCentral:
            .aimle(AIMLEConfiguration(scheme: .central, targetNonZeros: aimleTarget, adaptation: adaptation))
        case .aimleForward:
            .aimle(AIMLEConfiguration(scheme: .forward, targetNonZeros: aimleTarget, adaptation: adaptation))
        case .imle: .imle(lambda: lambda)
        case .blackbox: .blackbox(lambda: lambda)
        case .directLoss: .directLoss(DirectLossConfiguration())
        case .perturbedOptimizer: .perturbedOptimizer(PerturbedOptimizerConfiguration())
        case .straightThrough: .straightThrough
        }
    }

    /// The perturbation used unless one is asked for: none for blackbox and straight-through
    /// (deterministic solver calls) and for adaptive IMLE, Gaussian for the perturbed
    /// optimiser, Sum-of-Gamma for IMLE and direct loss as in the IMLE paper's Warcraft runs.
    ///
    /// Adaptive IMLE trains without noise here (the reference implementation's Warcraft code
    /// offers `noise_distribution: none`): the task's loss compares the unperturbed MAP with
    /// the true path, λ is already relative to ‖θ‖, and in short runs Sum-of-Gamma noise at
    /// temperature 1 cost AIMLE several points of cost-optimal paths (the ablation rows of
    /// `Examples/WarcraftShortestPath/RESULTS.md`).
    public var defaultNoise: WarcraftNoise {
        switch self {
        case .blackbox, .straightThrough, .aimleCentral, .aimleForward: .none
        case .perturbedOptimizer: .normal
        case .imle, .directLoss: .sumOfGamma
        }
    }

    /// Noise samples per instance unless asked otherwise.
    public var defaultSamples: Int { self == .perturbedOptimizer ? 5 : 1 }
}

/// The perturbation distributions offered on the command line.
public enum WarcraftNoise: String, CaseIterable, Sendable, Codable {
    /// No perturbation.
    case none
    /// Gumbel(0, 1).
    case gumbel
    /// Standard normal.
    case normal
    /// Sum-of-Gamma with k = round(1.3 · H), 10 terms (the IMLE code's choice for Warcraft).
    case sumOfGamma = "sog"

    /// The distribution for an H × H grid.
    public func distribution(gridSize: Int) -> NoiseDistribution {
        switch self {
        case .none: .none
        case .gumbel: .gumbel
        case .normal: .normal
        case .sumOfGamma: .sumOfGamma(k: (1.3 * Double(gridSize)).rounded(), iterations: 10)
        }
    }
}
