import DifferentiableSolvers
import _ExampleSupport

/// How the encoder of the discrete VAE is trained: one of the package's gradient estimators,
/// or one of the example's own methods.
///
/// Parsed from the command line (see ``EstimatorItem``): the example's own methods `direct`
/// (exact loss-augmented direct optimisation with the paper's ε schedule), `direct:EPS` (fixed ε),
/// `gsm` (straight-through Gumbel-softmax, annealed temperature), `gsm:T` (fixed temperature) and
/// `exact`; every other name is read by `EstimatorDescription(parsing:)`, e.g. `aimle-forward:10`,
/// `aimle-central`, `imle:10`, `imle-central:10`, `ste`. Names are read in lower case.
///
/// Bare `aimle` is the package's: adaptive IMLE with **central** differences. Before the
/// example shared the package's names it meant forward differences; write `aimle-forward`.
///
/// ```swift
/// let estimator = try VAEEstimator(parsing: "imle:100")
/// ```
public enum VAEEstimator: Sendable, Hashable, Codable, CustomStringConvertible, EstimatorVocabulary {
    /// Direct optimisation with the exact loss-augmented search over one-slot changes
    /// (Lorberbom et al. 2019, Algorithm 1 and §4.1).
    case direct(EpsilonSchedule)
    /// Straight-through Gumbel-softmax with temperature max(floor, initial · exp(−rate · t))
    /// (Jang et al. 2017), expressed as an ``EpsilonSchedule``.
    case gumbelSoftmax(EpsilonSchedule)
    /// The exact gradient of the ELBO by enumerating the states of a single categorical latent
    /// (the "unbiased" baseline of Lorberbom et al. 2019).
    case exact
    /// One of the package's estimators, as `EstimatorDescription(parsing:)` reads its name:
    /// adaptive IMLE (target c of non-zero gradient entries per sample: the paper's generic
    /// c = 1; the reference implementation's k-subset VAE uses c = 10), IMLE with a fixed λ,
    /// straight-through, …
    case package(EstimatorDescription)

    /// The example's own methods, for messages and help texts.
    public static let ownNames = "direct, direct:EPS, gsm, gsm:T, exact"

    /// The Gumbel-softmax schedule of Jang et al. (2017): from 1, exp(−10⁻⁵ t) every 500 steps,
    /// at least 0.5.
    public static let gumbelSoftmaxAnnealing = EpsilonSchedule(initial: 1, rate: 1e-5, floor: 0.5, interval: 500)

    /// Parses a command-line name, in any case (see the type's discussion).
    ///
    /// - Throws: ``ExampleError`` for an unknown name or a bad number.
    public init(parsing text: String) throws(ExampleError) {
        try self.init(parsing: EstimatorItem(text.lowercased()))
    }

    /// Parses a command-line item (see the type's discussion).
    ///
    /// - Throws: ``ExampleError`` for an unknown name or a bad number.
    public init(parsing item: EstimatorItem) throws(ExampleError) {
        switch item.name {
        case "direct":
            self = .direct(try item.positiveNumbers(atMost: 1).first.map { .constant($0) } ?? .paper)
        case "gsm":
            self = .gumbelSoftmax(try item.positiveNumbers(atMost: 1).first.map { .constant($0) } ?? Self.gumbelSoftmaxAnnealing)
        case "exact":
            _ = try item.positiveNumbers(atMost: 0)
            self = .exact
        default:
            self = .package(try item.packageEstimator(otherwise: Self.ownNames))
        }
    }

    /// The package estimator at a training step (nil for ``exact``, which needs none).
    public func gradientEstimator(step: UInt64, latent: LatentStructure) -> (any GradientEstimator)? {
        switch self {
        case .direct(let schedule):
            .directLoss(DirectLossConfiguration(mode: .exact(blockSize: latent.blockSize), epsilon: schedule))
        case .gumbelSoftmax(let schedule):
            .gumbelSoftmax(temperature: Float(schedule.value(atStep: step)), blockSize: latent.blockSize)
        case .package(let description): description.estimator
        case .exact: nil
        }
    }

    /// Checks that the estimator applies to the latent.
    ///
    /// - Throws: ``ExampleError`` for the exact gradient on anything but one categorical variable,
    ///   or Gumbel-softmax on k-subsets or with blocks other than the latent's.
    public func validate(for latent: LatentStructure) throws(ExampleError) {
        switch self {
        case .exact where !(latent.blocks == 1 && latent.isCategorical):
            throw ExampleError("the exact gradient enumerates the K states of a single categorical latent (use --latent 1xK)")
        case .gumbelSoftmax where !latent.isCategorical:
            throw ExampleError("Gumbel-softmax relaxes one-hot blocks only (latent \(latent) has k = \(latent.k))")
        case .package(.gumbelSoftmax(_, let blockSize)) where !latent.isCategorical || blockSize != latent.blockSize:
            throw ExampleError("Gumbel-softmax relaxes the latent's one-hot blocks of \(latent.blockSize) (latent \(latent), "
                               + "blocks of \(blockSize) asked; use gsm:T)")
        default: break
        }
    }

    /// A short label for tables and plots, e.g. "direct (ε paper)", "IMLE λ=10".
    public var description: String {
        switch self {
        case .direct(let schedule):
            schedule.rate > 0 ? "direct (paper ε)" : "direct (ε=\(schedule.initial.formatted))"
        case .gumbelSoftmax(let schedule):
            schedule.rate > 0 ? "Gumbel-softmax" : "Gumbel-softmax (t=\(schedule.initial.formatted))"
        case .package(.aimle(let estimator)):
            estimator.targetNonZeros == 1 ? "AIMLE \(estimator.scheme.rawValue)"
                : "AIMLE \(estimator.scheme.rawValue) c = \(estimator.targetNonZeros)"
        case .package(.imle(let estimator)):
            "IMLE \(estimator.scheme == .forward ? "" : "\(estimator.scheme.rawValue) ")λ=\(Double(estimator.lambda).formatted)"
        case .package(.straightThrough): "STE"
        case .package(let description): description.name
        case .exact: "exact"
        }
    }
}

extension Double {
    /// The number without a trailing ".0".
    var formatted: String { self == rounded() && Swift.abs(self) < 1e9 ? String(Int(self)) : String(self) }
}
