import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// How the explainer is trained through its k-subset: a perturb-and-MAP layer with one of the
/// package's gradient estimators, or L2X's Gumbel-softmax relaxation (Chen et al. 2018).
///
/// Parsed from the command line: `l2x` (τ = 0.5) or `l2x:T`, and the estimator names of
/// `EstimatorDescription(parsing:)` that need nothing but ∂L/∂z — `aimle`, `aimle-central[:C]`,
/// `aimle-forward[:C]` (C: AIMLE's target c), `imle[:λ]`, `imle-central[:λ]`, `ste`,
/// `blackbox:λ`, `direct-loss[:ε]`.
///
/// ```swift
/// let methods = try ["aimle-central", "imle:1000", "l2x:0.5", "ste"].map(SelectionMethod.init(parsing:))
/// ```
public enum SelectionMethod: Sendable, Hashable, Codable, CustomStringConvertible, EstimatorVocabulary {
    /// Perturb-and-MAP top-k with a gradient estimator.
    case perturbAndMAP(EstimatorDescription)
    /// L2X's relaxation with softmax temperature τ.
    case l2x(temperature: Float)

    /// L2X's default temperature: the middle of the grid {0.1, 0.5, 1, 2} the AIMLE paper
    /// chooses temperatures from (Minervini et al. 2023, learning to explain).
    public static let defaultL2XTemperature: Float = 0.5

    /// The example's own methods, for messages and help texts.
    public static let ownNames = "l2x[:T] for L2X's relaxation"

    /// Parses a command-line item (see the type's discussion): `l2x[:T]` here, every other name
    /// by `EstimatorDescription(parsing:)`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for an unknown name, a bad number, or an
    ///   estimator that needs more than ∂L/∂z.
    public init(parsing item: EstimatorItem) throws(ExampleError) {
        if item.name == "l2x" {
            guard item.arguments.count <= 1 else { throw ExampleError("method '\(item)': use l2x or l2x:T") }
            let temperature = item.arguments.first.map { Float($0) } ?? Self.defaultL2XTemperature
            guard let temperature, temperature.isFinite, temperature > 0 else {
                throw ExampleError("method '\(item)': '\(item.arguments[0])' is not a finite positive temperature")
            }
            self = .l2x(temperature: temperature)
            return
        }
        let description = try item.packageEstimator(otherwise: Self.ownNames)
        switch description {
        case .scoreFunction:
            throw ExampleError("method '\(item)': the score-function estimator needs per-sample losses; use aimle, imle, ste or l2x")
        case .perturbedOptimizer:
            throw ExampleError("method '\(item)': the perturbed optimiser is not a k-subset estimator here; use aimle, imle, ste or l2x")
        case .gumbelSoftmax:
            throw ExampleError("method '\(item)': Gumbel-softmax relaxes one-hot blocks; l2x is its k-subset form")
        default:
            self = .perturbAndMAP(description)
        }
    }

    /// A short label for tables and plots, e.g. "AIMLE (central)", "AIMLE (central, c = 8)",
    /// "L2X (τ = 0.5)".
    public var description: String {
        switch self {
        case .perturbAndMAP(.aimle(let estimator)) where estimator.targetNonZeros != 1:
            "AIMLE (\(estimator.scheme.rawValue), c = \(String(format: "%g", estimator.targetNonZeros)))"
        case .perturbAndMAP(let estimator): estimator.name
        case .l2x(let temperature): "L2X (τ = \(temperature))"
        }
    }

    /// The sampler that trains an explainer of `selection` with this method.
    ///
    /// - Parameters:
    ///   - noise: ρ(ε) of the perturb-and-MAP methods (L2X draws its own Gumbel noise).
    ///   - temperature: τ of the perturbation θ + τε of the perturb-and-MAP methods.
    ///   - samples: S, selections per image of the perturb-and-MAP methods (L2X draws one).
    ///   - seed: the seed of the noise.
    /// - Throws: ``ExampleError`` for an L2X temperature that is not finite and positive.
    public func sampler(for selection: KSubsetSelection, noise: PerturbationNoise, temperature: Float = 1, samples: Int = 1,
                        seed: UInt64) throws(ExampleError) -> any SubsetSampler {
        switch self {
        case .perturbAndMAP(let estimator):
            PerturbAndMAPSampler(selection: selection, estimator: estimator.estimator, noise: noise.distribution(k: selection.k),
                                 temperature: temperature, samples: samples, seed: seed)
        case .l2x(let tau):
            L2XSampler(relaxation: try L2XRelaxation(k: selection.k, temperature: tau), seed: seed)
        }
    }
}
