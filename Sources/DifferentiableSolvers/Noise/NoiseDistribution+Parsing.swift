/// The short names of the noise distributions, as command lines and other languages (the C
/// ABI, Python) pass them: `none`, `gumbel`, `normal`, `sum-of-gamma:K[:T]` (Sum-of-Gamma with
/// k = K and T terms, 10 by default).
///
/// ```swift
/// let noise = try NoiseDistribution(parsing: "sum-of-gamma:5")   // .sumOfGamma(k: 5, iterations: 10)
/// ```
extension NoiseDistribution {
    /// The names ``init(parsing:)`` accepts, for messages and help texts.
    public static let parsableNames = "none, gumbel, normal, sum-of-gamma:K[:T]"

    /// Parses a short name.
    ///
    /// - Parameter text: e.g. `gumbel`, `sum-of-gamma:5`, `sum-of-gamma:5:20`.
    /// - Throws: ``LayerError`` of kind `.invalidConfiguration` for an unknown name or a
    ///   k that is not a finite positive number, T not a positive whole number.
    public init(parsing text: String) throws(LayerError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts[0], parts.count) {
        case ("none", 1): self = .none
        case ("gumbel", 1): self = .gumbel
        case ("normal", 1): self = .normal
        case ("sum-of-gamma", 2 ... 3):
            guard let k = Double(parts[1]), k.isFinite, k > 0 else {
                throw LayerError(.invalidConfiguration, "noise '\(text)': k = '\(parts[1])' is not a finite positive number")
            }
            let iterations = parts.count == 3 ? Int(parts[2]) : 10
            guard let iterations, iterations >= 1 else {
                throw LayerError(.invalidConfiguration, "noise '\(text)': T = '\(parts[2])' is not a positive whole number")
            }
            self = .sumOfGamma(k: k, iterations: iterations)
        default:
            throw LayerError(.invalidConfiguration, "unknown noise '\(text)'; use one of \(Self.parsableNames)")
        }
    }
}
