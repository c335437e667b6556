#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The perturbed optimiser (Berthet et al. 2020, "Learning with differentiable perturbed
/// optimizers").
///
/// **Target distribution.** None: the forward pass is the Monte-Carlo mean
/// y_σ(θ) = E[MAP(θ + σZ)] (use `output: .mean`); σ is the layer's forward temperature and Z
/// its noise. The backward pass uses the Jacobian estimate J = E[MAP(θ + σZ) ∇ν(Z)ᵀ] / σ with
/// ν = −log ρ (∇ν(Z) = Z for normal noise, 1 − e^{−Z} for Gumbel), i.e.
/// ∇θ = E[⟨MAP(θ + σZ), ∂L/∂y⟩ ∇ν(Z)] / σ. A leave-one-out baseline subtracts from each
/// sample's ⟨z, ∂L/∂y⟩ the mean over the other samples, which keeps the estimate unbiased and
/// lowers its variance. The multiplicative form perturbs θ ∘ exp(σZ − σ²/2) for positive θ
/// (Berthet et al., §3.1). Pairs with ``FenchelYoungLoss`` when target structures are known.
///
/// ```swift
/// let estimator: any GradientEstimator = .perturbedOptimizer(PerturbedOptimizer(multiplicative: true))
/// ```
public struct PerturbedOptimizer: GradientEstimator, Hashable, Codable {
    /// Whether a leave-one-out baseline reduces the variance (needs S ≥ 2).
    public var leaveOneOutBaseline: Bool
    /// Additive θ + σZ, or multiplicative θ ∘ exp(σZ − σ²/2).
    public var multiplicative: Bool

    /// Creates the estimator.
    public init(leaveOneOutBaseline: Bool = true, multiplicative: Bool = false) {
        self.leaveOneOutBaseline = leaveOneOutBaseline
        self.multiplicative = multiplicative
    }

    /// "perturbed optimiser".
    public var name: String { "perturbed optimiser" }

    /// Multiplicative when ``multiplicative`` is set.
    public var perturbationForm: Perturbation.Form { multiplicative ? .multiplicative : .additive }

    /// The Stein estimate ∇θ = E[(⟨z, ∂L/∂y⟩ − baseline) ∇ν(Z)] / σ, with Z = sense · ε the
    /// effective θ-space noise.
    ///
    /// - Throws: ``LayerError`` for noise other than normal (or Gumbel, additive form), a
    ///   forward temperature of 0, or a baseline with fewer than two samples.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let n = pass.variableCount, count = pass.sampleCount, rows = pass.batchSize
        let gradientOfNu: (Float) -> Double
        switch pass.perturbation.noise {
        case .normal: gradientOfNu = { Double($0) }
        case .gumbel where !multiplicative: gradientOfNu = { 1 - exp(-Double($0)) }
        default:
            throw LayerError(.invalidConfiguration,
                             "the perturbed optimiser needs normal noise (or Gumbel noise, additive form only)")
        }
        guard pass.forwardTemperature > 0 else {
            throw LayerError(.invalidConfiguration, "the perturbed optimiser needs a forward temperature σ > 0")
        }
        if leaveOneOutBaseline && count < 2 {
            throw LayerError(.invalidConfiguration, "a leave-one-out baseline needs at least 2 samples")
        }
        let samples = pass.samples, epsilon = pass.noise, theta = pass.theta.values, upstream = pass.upstream
        var gradient = [Float](repeating: 0, count: rows * n)
        var sum = [Double](repeating: 0, count: n)
        let sigma = Double(pass.forwardTemperature), sign = Double(pass.sign), reduction = Double(pass.sampleReduction)
        for b in 0..<rows {
            for j in 0..<n { sum[j] = 0 }
            for s in 0..<count { for j in 0..<n { sum[j] += Double(samples[row: b, sample: s, column: j]) } }
            for s in 0..<count {
                var value = 0.0, others = 0.0
                for j in 0..<n {
                    let z = Double(samples[row: b, sample: s, column: j]), g = Double(upstream[row: b, sample: s, column: j])
                    value += z * g
                    others += (sum[j] - z) * g
                }
                let advantage = leaveOneOutBaseline ? value - others / Double(count - 1) : value
                for j in 0..<n {
                    // θ-space noise Z = sense · ε, so ∇ν_Z(Z) = sense · ∇ν(ε).
                    var weight = sign * gradientOfNu(epsilon[row: b, sample: s, column: j]) / sigma
                    if multiplicative { weight /= Double(theta[b * n + j]) }
                    gradient[b * n + j] += Float(reduction * advantage * weight)
                }
            }
        }
        return BackwardEstimate(gradient: Matrix(rows: rows, columns: n, values: gradient))
    }
}

/// The settings of the perturbed optimiser are the estimator itself; the name used before the
/// estimator protocol.
public typealias PerturbedOptimizerConfiguration = PerturbedOptimizer

extension GradientEstimator where Self == PerturbedOptimizer {
    /// The perturbed optimiser's Jacobian estimate.
    public static func perturbedOptimizer(_ configuration: PerturbedOptimizer) -> PerturbedOptimizer { configuration }
}
