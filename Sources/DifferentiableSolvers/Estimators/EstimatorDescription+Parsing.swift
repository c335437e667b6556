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
/// ```swift
/// let aimle = try EstimatorDescription(parsing: "aimle-central:10")   // c = 10
/// var layer = DifferentiableSolverLayer(solver: solver, estimator: aimle.estimator)
/// ```
extension EstimatorDescription {
    /// The names ``init(parsing:)`` accepts, with their arguments, for messages and help texts.
    public static let parsableNames = "aimle, aimle-central[:C], aimle-forward[:C], aimle-backward[:C], "
        + "imle[:LAMBDA], imle-forward[:LAMBDA], imle-central[:LAMBDA], imle-backward[:LAMBDA], blackbox:LAMBDA, "
        + "direct-loss[:EPSILON], perturbed-optimizer, score-function, straight-through (ste), gumbel-softmax:T:BLOCK"

    /// Parses a short name (see the extension's table).
    ///
    /// - Parameter text: e.g. `aimle-central`, `imle:20`, `blackbox:20`.
    /// - Throws: ``LayerError`` of kind `.invalidConfiguration` naming the text and what was
    ///   expected: an unknown name, a missing, extra or non-positive number.
    public init(parsing text: String) throws(LayerError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0], arguments = try Self.positiveNumbers(Array(parts.dropFirst()), in: text)
        let first = arguments.first, count = arguments.count
        switch (name, count) {
        case ("aimle", 0 ... 1), ("aimle-central", 0 ... 1):
            self = .aimle(AdaptiveIMLE(scheme: .central, targetNonZeros: first ?? 1))
        case ("aimle-forward", 0 ... 1):
            self = .aimle(AdaptiveIMLE(scheme: .forward, targetNonZeros: first ?? 1))
        case ("aimle-backward", 0 ... 1):
            self = .aimle(AdaptiveIMLE(scheme: .backward, targetNonZeros: first ?? 1))
        case ("imle", 0 ... 1), ("imle-forward", 0 ... 1):
            self = .imle(IMLE(lambda: Float(first ?? 10), scheme: .forward))
        case ("imle-central", 0 ... 1):
            self = .imle(IMLE(lambda: Float(first ?? 10), scheme: .central))
        case ("imle-backward", 0 ... 1):
            self = .imle(IMLE(lambda: Float(first ?? 10), scheme: .backward))
        case ("blackbox", 1):
            self = .blackbox(lambda: Float(arguments[0]))
        case ("direct-loss", 0 ... 1):
            self = .directLoss(DirectLoss(epsilon: .constant(first ?? 1)))
        case ("perturbed-optimizer", 0):
            self = .perturbedOptimizer(PerturbedOptimizer())
        case ("score-function", 0):
            self = .scoreFunction
        case ("straight-through", 0), ("ste", 0):
            self = .straightThrough
        case ("gumbel-softmax", 2):
            guard let blockSize = Int(exactly: arguments[1]) else {
                throw LayerError(.invalidConfiguration, "estimator '\(text)': the block size \(parts[2]) is not a whole number")
            }
            self = .gumbelSoftmax(temperature: Float(arguments[0]), blockSize: blockSize)
        default:
            throw LayerError(.invalidConfiguration, "unknown estimator '\(text)'; use one of \(Self.parsableNames)")
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
