import DifferentiableSolvers
import _ExampleSupport

/// The ways of getting a gradient through the shortest-path solver that the Warcraft
/// example compares.
///
/// Named on the command line by the package's estimator names, read by
/// `EstimatorDescription.Family(named:)` (see ``init(parsing:)``); the raw values are the
/// labels of file names and records. The numbers come from the command's options, not the
/// name: IMLE's and blackbox's λ from `--lambda` (default 20, where the package's bare `imle`
/// means λ = 10), AIMLE's target from `--aimle-target` (``defaultAIMLESettings``).
public enum WarcraftMethod: String, CaseIterable, Sendable, Codable, EstimatorVocabulary {
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

    /// The method an item names: a package estimator's name without numbers — `aimle-central`
    /// (or `aimle`), `aimle-forward`, `imle` (or `imle-forward`), `blackbox`, `direct-loss`,
    /// `perturbed-optimizer`, `straight-through` (or `ste`).
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for an unknown name, numbers after the
    ///   name, or a package estimator the example does not compare.
    public init(parsing item: EstimatorItem) throws(ExampleError) {
        let names = Self.allCases.map(\.rawValue).joined(separator: ", ")
        switch try item.packageFamily(otherwise: names, numbersFrom: "--lambda and --aimle-target") {
        case .aimle(.central): self = .aimleCentral
        case .aimle(.forward): self = .aimleForward
        case .imle(.forward): self = .imle
        case .blackbox: self = .blackbox
        case .directLoss: self = .directLoss
        case .perturbedOptimizer: self = .perturbedOptimizer
        case .straightThrough: self = .straightThrough
        case .aimle(.backward), .imle(.central), .imle(.backward), .scoreFunction, .gumbelSoftmax:
            throw ExampleError("estimator '\(item)' is not compared in the Warcraft example; use one of \(names)")
        }
    }

    /// The estimator; `lambda` is used by IMLE and blackbox, `aimleTarget` (the target c of
    /// non-zero gradient entries), `adaptation` and `initialAlpha` (α₀) by AIMLE.
    public func estimator(lambda: Float, aimleTarget: Double = 1, adaptation: AlphaAdaptation = .paper,
                          initialAlpha: Double = 0) -> any GradientEstimator {
        switch self {
        case .aimleCentral:
            .aimle(AIMLEConfiguration(scheme: .central, targetNonZeros: aimleTarget, adaptation: adaptation,
                                      initialAlpha: initialAlpha))
        case .aimleForward:
            .aimle(AIMLEConfiguration(scheme: .forward, targetNonZeros: aimleTarget, adaptation: adaptation,
                                      initialAlpha: initialAlpha))
        case .imle: .imle(lambda: lambda)
        case .blackbox: .blackbox(lambda: lambda)
        case .directLoss: .directLoss(DirectLossConfiguration())
        case .perturbedOptimizer: .perturbedOptimizer(PerturbedOptimizerConfiguration())
        case .straightThrough: .straightThrough
        }
    }

    /// The perturbation used unless one is asked for: none for blackbox, straight-through and
    /// adaptive IMLE, Gaussian for the perturbed optimiser, Sum-of-Gamma for IMLE and direct
    /// loss as in the IMLE paper's Warcraft runs.
    ///
    /// Adaptive IMLE trains without noise here (the reference implementation's Warcraft code
    /// offers `noise_distribution: none`): the task's loss compares the unperturbed MAP with
    /// the true path, and Sum-of-Gamma noise at temperature 1 cost AIMLE several points of
    /// cost-optimal paths in short runs — with forward differences from α₀ = 20, 86.0 % against
    /// 96.0 % at the default budget (the rows of `Examples/WarcraftShortestPath/RESULTS.md`).
    public var defaultNoise: WarcraftNoise {
        switch self {
        case .blackbox, .straightThrough, .aimleCentral, .aimleForward: .none
        case .perturbedOptimizer: .normal
        case .imle, .directLoss: .sumOfGamma
        }
    }

    /// AIMLE's settings unless asked otherwise: target c, α rule and α₀ (`nil` for other methods).
    ///
    /// * Central differences: c = 10 cells, multiplicative α steps from α₀ = 0. λ stays small
    ///   (α ≈ 0.04, a perturbation of 4 % of a cell's cost), which learns fastest in short runs
    ///   — but the central difference never vanishes on a map the network already solves (one
    ///   side reproduces the label, the other moves off it, whatever the scale of θ), so long
    ///   runs keep widening the margin on the training maps and over-fit.
    /// * Forward differences: torch-adaptive-imle's Warcraft configuration with its
    ///   non-symmetric perturbation — the paper's c = 1 and η = 10⁻³, started at the blackbox
    ///   λ (`initial_beta=lambda_val`, α₀ = 20). A perturbation of 20 times a cell's cost along
    ///   −∂L/∂z makes the target the label path itself, so the gradient is (z − label) / λ:
    ///   zero on solved maps, and α hardly moves (±10⁻³ per step).
    public var defaultAIMLESettings: (target: Double, fastAdaptation: Bool, initialAlpha: Double)? {
        switch self {
        case .aimleCentral: (10, true, 0)
        case .aimleForward: (1, false, 20)
        default: nil
        }
    }

    /// Noise samples per instance unless asked otherwise.
    public var defaultSamples: Int { self == .perturbedOptimizer ? 5 : 1 }
}

/// The perturbation distributions offered on the command line, named as
/// `NoiseDescription(parsing:)` reads them (see ``init(parsing:)``); the raw values are the
/// labels of records.
public enum WarcraftNoise: String, CaseIterable, Sendable, Codable {
    /// No perturbation.
    case none
    /// Gumbel(0, 1).
    case gumbel
    /// Standard normal.
    case normal
    /// Sum-of-Gamma with k = round(1.3 · H), 10 terms (the IMLE code's choice for Warcraft).
    case sumOfGamma = "sog"

    /// Reads a noise name with `NoiseDescription(parsing:)`: `none`, `gumbel`, `normal`, or
    /// `sog` (or `sum-of-gamma`) without k, which is the grid's.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for an unknown name or a Sum-of-Gamma k.
    public init(parsing text: String) throws(ExampleError) {
        switch try NoiseName.parse(text) {
        case .distribution(.none): self = .none
        case .distribution(.gumbel): self = .gumbel
        case .distribution(.normal): self = .normal
        case .sumOfGammaMatchingK(iterations: 10): self = .sumOfGamma
        case .sumOfGammaMatchingK, .distribution(.sumOfGamma):
            throw ExampleError("noise '\(text)': the Warcraft example's Sum-of-Gamma has k = round(1.3 H) and 10 terms; write sog")
        }
    }

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
