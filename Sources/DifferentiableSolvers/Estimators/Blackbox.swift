/// Blackbox differentiation (Vlastelica/Pogančić et al. 2020): z_λ = MAP(θ ∓ λ ∂L/∂z) (the
/// sign per the solver's sense), ∂L/∂θ = ±(z − z_λ) / λ — the gradient of their piecewise
/// linear interpolation of the loss (their λ = 20 for Warcraft shortest paths).
///
/// **Target distribution.** The forward one shifted by −λ ∂L/∂z: forward IMLE with a fixed λ.
/// Meant for solvers trained on a supervised loss, with `noise: .none`.
///
/// ```swift
/// let estimator: any GradientEstimator = .blackbox(lambda: 20)
/// ```
public struct Blackbox: GradientEstimator, Hashable, Codable {
    /// The interpolation step λ > 0.
    public var lambda: Float

    /// Creates the estimator.
    public init(lambda: Float) {
        self.lambda = lambda
    }

    /// "blackbox (λ = …)".
    public var name: String { "blackbox (λ = \(lambda))" }

    /// Why the settings cannot work, or `nil`.
    public var configurationProblem: String? {
        lambda > 0 && lambda.isFinite ? nil : "blackbox needs a finite λ > 0 (got \(lambda))"
    }

    /// (z − z_λ) / λ in the maximisation convention.
    ///
    /// - Throws: ``LayerError`` wrapping a solver failure.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        try pass.finiteDifference(scheme: .forward, target: TargetDistribution(lambda: lambda, batchSize: pass.batchSize))
    }
}

extension GradientEstimator where Self == Blackbox {
    /// Blackbox differentiation with step `lambda`.
    public static func blackbox(lambda: Float) -> Blackbox { Blackbox(lambda: lambda) }
}
