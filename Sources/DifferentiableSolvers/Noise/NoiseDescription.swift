/// A noise distribution as a command line or configuration names it, where Sum-of-Gamma may
/// leave its k to the task: k-subset noise is matched to the subset size k (Niepert et al.
/// 2021, Eq. 5), which only the caller knows.
///
/// Parsed from the names of ``NoiseDistribution/init(parsing:)`` and, in addition,
/// `sum-of-gamma` without K (alias `sog`), which the caller completes with
/// ``distribution(sumOfGammaK:)``. `sog:K[:T]` is an alias of `sum-of-gamma:K[:T]`.
///
/// ```swift
/// let noise = try NoiseDescription(parsing: "sum-of-gamma")
/// noise.distribution(sumOfGammaK: 8)   // .sumOfGamma(k: 8, iterations: 10)
/// try NoiseDescription(parsing: "gumbel").distribution(sumOfGammaK: 8)   // .gumbel
/// ```
public enum NoiseDescription: Sendable, Hashable, Codable {
    /// A distribution fully named.
    case distribution(NoiseDistribution)
    /// Sum-of-Gamma with the caller's k and `iterations` terms.
    case sumOfGammaMatchingK(iterations: Int)

    /// The names ``init(parsing:)`` accepts, for messages and help texts.
    public static let parsableNames = "none, gumbel, normal, sum-of-gamma[:K[:T]] (alias sog; without K, k is the task's)"

    /// The terms of Sum-of-Gamma unless a name says otherwise.
    public static let defaultSumOfGammaIterations = 10

    /// Parses a short name: `none`, `gumbel`, `normal`, `sum-of-gamma[:K[:T]]` or `sog[:K[:T]]`.
    ///
    /// - Parameter text: e.g. `gumbel`, `sum-of-gamma`, `sum-of-gamma:5:20`, `sog`.
    /// - Throws: ``LayerError`` of kind `.invalidConfiguration` for an unknown name or a
    ///   k that is not a finite positive number, T not a positive whole number.
    public init(parsing text: String) throws(LayerError) {
        try self.init(parsing: text, accepted: Self.parsableNames)
    }

    /// Parses a short name; `accepted` is the list an unknown name's message offers.
    init(parsing text: String, accepted: String) throws(LayerError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts[0], parts.count) {
        case ("none", 1): self = .distribution(.none)
        case ("gumbel", 1): self = .distribution(.gumbel)
        case ("normal", 1): self = .distribution(.normal)
        case ("sum-of-gamma", 1), ("sog", 1): self = .sumOfGammaMatchingK(iterations: Self.defaultSumOfGammaIterations)
        case ("sum-of-gamma", 2 ... 3), ("sog", 2 ... 3):
            guard let k = Double(parts[1]), k.isFinite, k > 0 else {
                throw LayerError(.invalidConfiguration, "noise '\(text)': k = '\(parts[1])' is not a finite positive number")
            }
            let iterations = parts.count == 3 ? Int(parts[2]) : Self.defaultSumOfGammaIterations
            guard let iterations, iterations >= 1 else {
                throw LayerError(.invalidConfiguration, "noise '\(text)': T = '\(parts[2])' is not a positive whole number")
            }
            self = .distribution(.sumOfGamma(k: k, iterations: iterations))
        default:
            throw LayerError(.invalidConfiguration, "unknown noise '\(text)'; use one of \(accepted)")
        }
    }

    /// The distribution, with `k` for Sum-of-Gamma when the name left it to the task.
    public func distribution(sumOfGammaK k: Double) -> NoiseDistribution {
        switch self {
        case .distribution(let distribution): distribution
        case .sumOfGammaMatchingK(let iterations): .sumOfGamma(k: k, iterations: iterations)
        }
    }
}
