/// Implicit maximum-likelihood estimation with a fixed step (Niepert et al. 2021).
///
/// **Target distribution.** The perturbed MAP distribution with parameters
/// `targetScale · φ − λ · ∂L/∂z` (torch-imle's `TargetDistribution(alpha:, beta:)`); the
/// gradient is the chosen finite difference of MAP states divided by λ.
///
/// ```swift
/// let estimator: any GradientEstimator = .imle(lambda: 10, scheme: .central)
/// ```
public struct IMLE: GradientEstimator, Hashable, Codable {
    /// The step λ > 0 along −∂L/∂z.
    public var lambda: Float
    /// The finite-difference scheme.
    public var scheme: DifferenceScheme
    /// The scale of φ in the target parameters (1 in the IMLE paper).
    public var targetScale: Float

    /// Creates the estimator.
    public init(lambda: Float = 10, scheme: DifferenceScheme = .forward, targetScale: Float = 1) {
        self.lambda = lambda
        self.scheme = scheme
        self.targetScale = targetScale
    }

    /// "IMLE (scheme, λ = …)".
    public var name: String { "IMLE (\(scheme.rawValue), λ = \(lambda))" }

    /// Why the settings cannot work, or `nil`.
    public var configurationProblem: String? {
        if !(lambda > 0) || !lambda.isFinite { return "IMLE needs a finite λ > 0 (got \(lambda))" }
        if !targetScale.isFinite { return "IMLE needs a finite target scale (got \(targetScale))" }
        return nil
    }

    /// The finite difference towards the target distribution.
    ///
    /// - Throws: ``LayerError`` wrapping a solver failure.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let target = TargetDistribution(scale: targetScale, lambda: lambda, batchSize: pass.batchSize)
        return try pass.finiteDifference(scheme: scheme, target: target)
    }
}

/// The settings of IMLE are the estimator itself; the name used before the estimator protocol.
public typealias IMLEConfiguration = IMLE

extension GradientEstimator where Self == IMLE {
    /// IMLE with the given settings.
    public static func imle(_ configuration: IMLE) -> IMLE { configuration }

    /// IMLE with step `lambda`.
    public static func imle(lambda: Float, scheme: DifferenceScheme = .forward, targetScale: Float = 1) -> IMLE {
        IMLE(lambda: lambda, scheme: scheme, targetScale: targetScale)
    }
}
