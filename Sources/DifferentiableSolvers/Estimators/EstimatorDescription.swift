/// The package's estimators as one `Codable` value: what command lines and checkpoints name
/// and store, mapped to estimator values by ``estimator``.
///
/// The cases and their encoding are those of the estimator enumeration that preceded the
/// ``GradientEstimator`` protocol, so that stored descriptions keep decoding.
///
/// ```swift
/// let description = EstimatorDescription.aimle(.paper)
/// let data = try JSONEncoder().encode(description)
/// var layer = DifferentiableSolverLayer(solver: solver, estimator: description.estimator)
/// ```
public enum EstimatorDescription: Sendable, Hashable, Codable {
    /// IMLE with a fixed step.
    case imle(IMLE)
    /// Adaptive IMLE.
    case aimle(AdaptiveIMLE)
    /// The straight-through estimator.
    case straightThrough
    /// The score-function estimator.
    case scoreFunction
    /// Direct loss minimisation.
    case directLoss(DirectLoss)
    /// Blackbox differentiation with step `lambda`.
    case blackbox(lambda: Float)
    /// The perturbed optimiser.
    case perturbedOptimizer(PerturbedOptimizer)
    /// Straight-through Gumbel-softmax.
    case gumbelSoftmax(temperature: Float, blockSize: Int)

    /// The estimator described.
    public var estimator: any GradientEstimator {
        switch self {
        case .imle(let estimator): estimator
        case .aimle(let estimator): estimator
        case .straightThrough: StraightThrough()
        case .scoreFunction: ScoreFunction()
        case .directLoss(let estimator): estimator
        case .blackbox(let lambda): Blackbox(lambda: lambda)
        case .perturbedOptimizer(let estimator): estimator
        case .gumbelSoftmax(let temperature, let blockSize): GumbelSoftmax(temperature: temperature, blockSize: blockSize)
        }
    }

    /// The description of one of the package's estimators; `nil` for an estimator defined
    /// elsewhere.
    public init?(_ estimator: any GradientEstimator) {
        switch estimator {
        case let estimator as IMLE: self = .imle(estimator)
        case let estimator as AdaptiveIMLE: self = .aimle(estimator)
        case is StraightThrough: self = .straightThrough
        case is ScoreFunction: self = .scoreFunction
        case let estimator as DirectLoss: self = .directLoss(estimator)
        case let estimator as Blackbox: self = .blackbox(lambda: estimator.lambda)
        case let estimator as PerturbedOptimizer: self = .perturbedOptimizer(estimator)
        case let estimator as GumbelSoftmax: self = .gumbelSoftmax(temperature: estimator.temperature, blockSize: estimator.blockSize)
        default: return nil
        }
    }

    /// The estimator's name, e.g. "AIMLE (central)".
    public var name: String { estimator.name }
}
