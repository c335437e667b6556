import DifferentiableSolvers

/// Everything that defines a Warcraft training run but the data.
///
/// The defaults are the published recipe (Pogančić et al. 2020; Niepert et al. 2021): Adam
/// with learning rate 5 · 10⁻⁴, divided by 10 at epochs 30 and 40, batches of 70.
public struct WarcraftTrainingSettings: Sendable, Codable, Equatable {
    /// The gradient method.
    public var method: WarcraftMethod = .aimleForward
    /// λ of IMLE and blackbox (the blackbox paper's 20 for Warcraft).
    public var lambda: Float = 20
    /// AIMLE's target c for the mean number of cells in which the two perturbed paths differ
    /// (by default per method: ``WarcraftMethod/defaultAIMLESettings``).
    ///
    /// With central differences from α₀ = 0, the paper's generic c = 1 keeps λ so small on
    /// 12 × 12 maps that the two paths differ in one cell on average — paths differ in pairs
    /// of cells, so half the samples give no gradient — and learning is slow; 10 cells, about
    /// half a path, learned fastest among c ∈ {1, 5, 10, 20, 30} (the ablation rows of
    /// `Examples/WarcraftShortestPath/RESULTS.md`).
    public var aimleTarget = 10.0
    /// AIMLE's α rule: `true` for the package's default multiplicative steps (α reaches its
    /// working range of about 0.02–0.05 in a dozen steps), `false` for the paper's additive
    /// η = 10⁻³ (about 50 steps).
    public var fastAdaptation = true
    /// AIMLE's initial α₀, `nil` for 0 (so that checkpoints written before the setting existed
    /// still match their settings).
    /// torch-adaptive-imle's Warcraft trainer starts its adaptive target at the blackbox λ
    /// (`initial_beta=lambda_val`, 20): a perturbation of 20 times a cell's root-mean-square cost.
    public var aimleInitialAlpha: Double?
    /// The perturbation.
    public var noise: WarcraftNoise = .sumOfGamma
    /// Noise samples per instance.
    public var samples = 1
    /// The temperature of the perturbation.
    public var temperature: Float = 1
    /// The initial learning rate.
    public var learningRate: Float = 5e-4
    /// Epochs after which the learning rate is divided by 10.
    public var milestones = [30, 40]
    /// Instances per training step.
    public var batchSize = 70
    /// Seed of the model initialisation, the shuffling and the perturbations.
    public var seed: UInt64 = 0

    /// The published recipe with the given method and its default noise, samples and AIMLE
    /// settings.
    public init(method: WarcraftMethod = .aimleForward) {
        self.method = method
        noise = method.defaultNoise
        samples = method.defaultSamples
        if let aimle = method.defaultAIMLESettings {
            aimleTarget = aimle.target
            fastAdaptation = aimle.fastAdaptation
            aimleInitialAlpha = aimle.initialAlpha > 0 ? aimle.initialAlpha : nil
        }
    }

    /// The estimator these settings describe.
    public var estimator: any GradientEstimator {
        method.estimator(lambda: lambda, aimleTarget: aimleTarget, adaptation: fastAdaptation ? .multiplicative() : .paper,
                         initialAlpha: aimleInitialAlpha ?? 0)
    }

    /// A description of what is wrong with the settings, or `nil`.
    public var problem: String? {
        if batchSize < 1 { return "the batch size must be at least 1, got \(batchSize)" }
        if samples < 1 { return "the number of samples must be at least 1, got \(samples)" }
        if !(learningRate > 0) || !learningRate.isFinite { return "the learning rate must be positive, got \(learningRate)" }
        if !(temperature >= 0) || !temperature.isFinite { return "the temperature must be ≥ 0, got \(temperature)" }
        if !(lambda > 0) || !lambda.isFinite { return "λ must be positive, got \(lambda)" }
        if !(aimleTarget > 0) || !aimleTarget.isFinite { return "AIMLE's target c must be positive, got \(aimleTarget)" }
        if let alpha = aimleInitialAlpha, !(alpha >= 0) || !alpha.isFinite { return "AIMLE's initial α must be ≥ 0, got \(alpha)" }
        return nil
    }
}
