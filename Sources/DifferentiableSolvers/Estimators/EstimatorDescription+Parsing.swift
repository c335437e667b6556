/// The short names of the package's estimators — the strings a command line, a configuration
/// file or another language (the C ABI, Python) passes: a name, optionally `:` and a number.
///
/// | text | estimator |
/// |------|-----------|
/// | `aimle`, `aimle-central[:C]` | adaptive IMLE, central differences (target c, default 1) |
/// | `aimle-forward[:C]`, `aimle-backward[:C]` | adaptive IMLE, one-sided differences |
/// | `imle[:λ]`, `imle-forward[:λ]`, `imle-central[:λ]`, `imle-backward[:λ]` | IMLE with step λ (default 10) |
/// | `blackbox:λ` | blackbox interpolation with step λ |
/// | `direct-loss[:ε]` | first-order direct loss minimisation (ε default 1) |
/// | `perturbed-optimizer` | the perturbed optimiser's Jacobian estimate |
/// | `score-function` | REINFORCE with a leave-one-out baseline |
/// | `straight-through`, `ste` | straight-through |
/// | `gumbel-softmax:T:B` | straight-through Gumbel-softmax, temperature T, one-hot blocks of B |
///
/// This table is the package's only reading of these names: ``init(parsing:)`` reads a
/// whole text, ``Family/init(named:)`` the name alone, for callers (such as the examples)
/// that take the numbers from elsewhere.
///
/// ```swift
/// let aimle = try EstimatorDescription(parsing: "aimle-central:10")   // c = 10
/// var layer = DifferentiableSolverLayer(solver: solver, estimator: aimle.estimator)
/// ```
extension EstimatorDescription {
    /// The names ``init(parsing:)`` accepts, with their arguments, for messages and help texts.
    public static let parsableNames = "aimle, aimle-central[:C], aimle-forward[:C], aimle-backward[:C], "
        + "imle[:LAMBDA], imle-forward[:LAMBDA], imle-central[:LAMBDA], imle-backward[:LAMBDA], blackbox:LAMBDA, "
        + "direct-loss[:EPSILON], perturbed-optimizer, score-function, straight-through (ste), gumbel-softmax:T:BLOCK"

    /// An estimator named without its numbers: what a short name's part before the first `:`
    /// says.
    ///
    /// ```swift
    /// let family = try EstimatorDescription.Family(named: "aimle-forward")   // .aimle(.forward)
    /// try EstimatorDescription(parsing: "aimle-forward:3").family == family  // true
    /// ```
    public enum Family: Sendable, Hashable {
        /// Adaptive IMLE with a difference scheme.
        case aimle(DifferenceScheme)
        /// IMLE with a difference scheme.
        case imle(DifferenceScheme)
        /// Blackbox interpolation.
        case blackbox
        /// First-order direct loss minimisation.
        case directLoss
        /// The perturbed optimiser.
        case perturbedOptimizer
        /// The score-function estimator.
        case scoreFunction
        /// Straight-through.
        case straightThrough
        /// Straight-through Gumbel-softmax.
        case gumbelSoftmax

        /// Reads a name without numbers (`aimle-forward`, `ste`, `blackbox`).
        ///
        /// - Parameter name: The part of a short name before its first `:`.
        /// - Throws: ``LayerError`` of kind `.invalidConfiguration` for an unknown name,
        ///   listing ``EstimatorDescription/parsableNames``.
        public init(named name: String) throws(LayerError) {
            switch name {
            case "aimle", "aimle-central": self = .aimle(.central)
            case "aimle-forward": self = .aimle(.forward)
            case "aimle-backward": self = .aimle(.backward)
            case "imle", "imle-forward": self = .imle(.forward)
            case "imle-central": self = .imle(.central)
            case "imle-backward": self = .imle(.backward)
            case "blackbox": self = .blackbox
            case "direct-loss": self = .directLoss
            case "perturbed-optimizer": self = .perturbedOptimizer
            case "score-function": self = .scoreFunction
            case "straight-through", "ste": self = .straightThrough
            case "gumbel-softmax": self = .gumbelSoftmax
            default: throw LayerError(.invalidConfiguration, "unknown estimator '\(name)'; use one of \(EstimatorDescription.parsableNames)")
            }
        }

        /// The numbers a short name of the family may carry after its name.
        public var argumentCounts: ClosedRange<Int> {
            switch self {
            case .aimle, .imle, .directLoss: 0 ... 1
            case .blackbox: 1 ... 1
            case .perturbedOptimizer, .scoreFunction, .straightThrough: 0 ... 0
            case .gumbelSoftmax: 2 ... 2
            }
        }
    }

    /// The family of the estimator described.
    public var family: Family {
        switch self {
        case .aimle(let estimator): .aimle(estimator.scheme)
        case .imle(let estimator): .imle(estimator.scheme)
        case .blackbox: .blackbox
        case .directLoss: .directLoss
        case .perturbedOptimizer: .perturbedOptimizer
        case .scoreFunction: .scoreFunction
        case .straightThrough: .straightThrough
        case .gumbelSoftmax: .gumbelSoftmax
        }
    }

    /// Parses a short name (see the extension's table).
    ///
    /// - Parameter text: e.g. `aimle-central`, `imle:20`, `blackbox:20`.
    /// - Throws: ``LayerError`` of kind `.invalidConfiguration` naming the text and what was
    ///   expected: an unknown name, a missing, extra or non-positive number.
    public init(parsing text: String) throws(LayerError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let unknown = LayerError(.invalidConfiguration, "unknown estimator '\(text)'; use one of \(Self.parsableNames)")
        let family: Family
        do { family = try Family(named: parts[0]) } catch { throw unknown }
        let arguments = try Self.positiveNumbers(Array(parts.dropFirst()), in: text)
        guard family.argumentCounts.contains(arguments.count) else { throw unknown }
        let first = arguments.first
        switch family {
        case .aimle(let scheme): self = .aimle(AdaptiveIMLE(scheme: scheme, targetNonZeros: first ?? 1))
        case .imle(let scheme): self = .imle(IMLE(lambda: Float(first ?? 10), scheme: scheme))
        case .blackbox: self = .blackbox(lambda: Float(arguments[0]))
        case .directLoss: self = .directLoss(DirectLoss(epsilon: .constant(first ?? 1)))
        case .perturbedOptimizer: self = .perturbedOptimizer(PerturbedOptimizer())
        case .scoreFunction: self = .scoreFunction
        case .straightThrough: self = .straightThrough
        case .gumbelSoftmax:
            guard let blockSize = Int(exactly: arguments[1]) else {
                throw LayerError(.invalidConfiguration, "estimator '\(text)': the block size \(parts[2]) is not a whole number")
            }
            self = .gumbelSoftmax(temperature: Float(arguments[0]), blockSize: blockSize)
        }
    }

    /// The numbers after the name, each finite and positive.
    private static func positiveNumbers(_ texts: [String], in text: String) throws(LayerError) -> [Double] {
        var numbers: [Double] = []
        for part in texts {
            guard let number = Double(part), number.isFinite, number > 0 else {
                throw LayerError(.invalidConfiguration, "estimator '\(text)': '\(part)' is not a finite positive number")
            }
            numbers.append(number)
        }
        return numbers
    }
}
