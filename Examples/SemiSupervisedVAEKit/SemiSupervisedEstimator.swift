import DifferentiableSolvers
import _ExampleSupport

/// How the discrete encoder of the semi-supervised VAE is trained, and the perturbation of
/// each training phase.
///
/// Both follow the reference code of Lorberbom et al. (2019), GuyLor/Direct-VAE,
/// `mixture_model_mnist/mixture_model_dvae.py` and `mixture_model_gsm.py` with `run_mixture.py`:
/// * labelled phase: ε = 0.05 for direct optimisation, temperature 1 for Gumbel-softmax;
/// * unlabelled phase: ε (or the temperature) starts at 1 and, after global epoch e
///   (labelled epochs included), becomes max(0.1, exp(−10⁻⁵ · e · steps per unlabelled epoch)).
///
/// ```swift
/// let estimator = try SemiSupervisedEstimator(parsing: "direct")
/// let epsilon = estimator.unlabelledPerturbation(afterEpoch: 3, stepsPerEpoch: 500)
/// ```
public enum SemiSupervisedEstimator: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible, EstimatorVocabulary {
    /// Direct optimisation: the loss-augmented argmax over the K classes (the exact search of
    /// the package's `DirectLoss`); for labelled images the augmented label is the true one.
    case direct
    /// Straight-through Gumbel-softmax (Jang et al. 2017); labelled images add ten times the
    /// cross-entropy of the relaxed sample with the label.
    case gsm

    /// The annealing of the unlabelled phase (per step, evaluated at whole epochs).
    public static let annealing = EpsilonSchedule(initial: 1, rate: 1e-5, floor: 0.1, interval: 1)

    /// Parses `direct` or `gsm`, in any case: the example's own methods, which are not package
    /// estimator names (a package name, read by `EstimatorDescription.Family(named:)`, is refused
    /// as one this example does not train).
    ///
    /// - Throws: ``ExampleError`` for another name.
    public init(parsing text: String) throws(ExampleError) {
        try self.init(parsing: EstimatorItem(text.lowercased()))
    }

    /// Parses `direct` or `gsm` (see ``init(parsing:)-(String)``).
    ///
    /// - Throws: ``ExampleError`` for another name.
    public init(parsing item: EstimatorItem) throws(ExampleError) {
        if !item.hasArguments, let value = Self(rawValue: item.name) {
            self = value
        } else if (try? EstimatorDescription.Family(named: item.name)) != nil {
            throw ExampleError("estimator '\(item)' is a package estimator the semi-supervised VAE does not train; use direct or gsm")
        } else {
            throw ExampleError("unknown estimator '\(item)'; use direct or gsm")
        }
    }

    /// ε (direct) or the temperature (GSM) of the labelled phase.
    public var labelledPerturbation: Double { self == .direct ? 0.05 : 1 }

    /// ε or the temperature of an unlabelled epoch that follows global epoch `epoch` (0 before any),
    /// never below `floor` (the reference code's 0.1 by default).
    public func unlabelledPerturbation(afterEpoch epoch: Int, stepsPerEpoch: Int, floor: Double = annealing.floor) -> Double {
        var schedule = Self.annealing
        schedule.floor = floor
        return schedule.value(atStep: UInt64(max(epoch, 0) * max(stepsPerEpoch, 0)))
    }

    /// Whether the discrete encoder is trained on the categorical KL term too: yes for GSM
    /// (whose loss is the whole ELBO), no for direct optimisation, whose encoder follows the
    /// reconstruction's loss-augmented search (as in the reference code).
    public var trainsEncoderOnKL: Bool { self == .gsm }

    /// "direct" or "GSM".
    public var description: String { self == .direct ? "direct" : "GSM" }
}
