import DifferentiableSolvers
import _ExampleSupport

/// Hyper-parameters of the methods, defaulting to PyEPO's published settings.
///
/// ```swift
/// var settings = MethodSettings()
/// settings.imleLambda = 20
/// ```
public struct MethodSettings: Sendable, Hashable, Codable {
    /// DBB's interpolation λ (PyEPO: 10, "should be 10 to 20").
    public var blackboxLambda: Float = 10
    /// Samples of DPO and PFYL (PyEPO: 10).
    public var perturbedSamples: Int = 10
    /// Noise scale σ of DPO and PFYL (Gaussian noise; PyEPO: 1).
    public var perturbedSigma: Float = 1
    /// Samples of IMLE (PyEPO: 10).
    public var imleSamples: Int = 10
    /// IMLE's λ (PyEPO: 10).
    public var imleLambda: Float = 10
    /// Noise temperature σ of IMLE and AIMLE (PyEPO: 1).
    public var imleSigma: Float = 1
    /// k of the Sum-of-Gamma noise of IMLE and AIMLE (PyEPO's `sumGammaDistribution(kappa=5)`).
    public var sumOfGammaK: Double = 5
    /// The noise of IMLE and AIMLE: Sum-of-Gamma as PyEPO (default), or Gumbel, which the
    /// core samples far faster.
    public var imleNoise: IMLENoise = .sumOfGamma
    /// Samples of AIMLE (PyEPO's tutorial: 2).
    public var aimleSamples: Int = 2
    /// AIMLE's initial α (the paper starts at 0; 1 skips the warm-up on short runs).
    public var aimleInitialAlpha: Double = 1
    /// How AIMLE's α moves: PyEPO's rule, the paper's additive η = 10⁻³. From α₀ = 1 on a
    /// run of a few hundred steps α stays near 1, so λ stays near ‖θ‖ / ‖∂L/∂z‖ as in
    /// PyEPO. The library's default multiplicative rule drives α towards the sparse target
    /// c = 1 of a 40-arc path and doubles the regret here (16.3 % against 7.4 % on PyEPO's
    /// arrays, 10 epochs).
    public var aimleAdaptation: AlphaAdaptation = .paper
    /// Direct loss's ε (with one Gumbel sample per instance).
    public var directEpsilon: Double = 10
    /// The loss IMLE trains on. PyEPO pairs I-MLE with ``TaskLoss/solutionL1``, whose
    /// gradient (1/(B·d) per entry) is so small that a fixed λ = 10 rarely changes a
    /// solution; the regret's gradient c/B is about d times larger, so it is the default here.
    public var imleLoss: TaskLoss = .regret
    /// The loss AIMLE trains on (PyEPO: L1 on solutions; AIMLE's λ adapts to its scale).
    public var aimleLoss: TaskLoss = .solutionL1
    /// The loss direct loss minimisation trains on.
    public var directLoss: TaskLoss = .regret

    /// The defaults.
    public init() {}

    /// Describes a setting that cannot be used, or `nil`.
    public var problem: String? {
        if perturbedSamples < 2 { return "DPO and PFYL need at least 2 samples (got \(perturbedSamples))" }
        if imleSamples < 1 || aimleSamples < 1 { return "IMLE and AIMLE need at least 1 sample" }
        for (name, value) in [("DBB λ", blackboxLambda), ("σ", perturbedSigma), ("IMLE λ", imleLambda), ("IMLE σ", imleSigma)]
        where !(value > 0) || !value.isFinite {
            return "\(name) must be > 0 (got \(value))"
        }
        if !(sumOfGammaK > 0) || !(directEpsilon > 0) || !(aimleInitialAlpha >= 0) {
            return "k and ε must be > 0 and α₀ ≥ 0"
        }
        return nil
    }
}

/// The perturbation of IMLE and AIMLE, named as `NoiseDescription(parsing:)` reads it (see
/// ``init(parsing:)``); the raw values are the labels of records.
public enum IMLENoise: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sum-of-Gamma(k) (Niepert et al. 2021), k = ``MethodSettings/sumOfGammaK``.
    case sumOfGamma = "sum-of-gamma"
    /// Standard Gumbel.
    case gumbel

    /// Reads a noise name with `NoiseDescription(parsing:)`: `sum-of-gamma` (or `sog`) without
    /// k, which is ``MethodSettings/sumOfGammaK``, or `gumbel`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for another name.
    public init(parsing text: String) throws(ExampleError) {
        switch try NoiseName.parse(text) {
        case .sumOfGammaMatchingK(iterations: 10): self = .sumOfGamma
        case .distribution(.gumbel): self = .gumbel
        default: throw ExampleError(.invalidArgument, "noise '\(text)': IMLE and AIMLE here take sum-of-gamma (k = 5, PyEPO's) or gumbel")
        }
    }
}
