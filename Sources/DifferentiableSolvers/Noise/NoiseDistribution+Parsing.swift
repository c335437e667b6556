/// The short names of the noise distributions, as command lines and other languages (the C
/// ABI, Python) pass them: `none`, `gumbel`, `normal`, `sum-of-gamma:K[:T]` (Sum-of-Gamma with
/// k = K and T terms, 10 by default; alias `sog:K[:T]`).
///
/// The names are read by ``NoiseDescription/init(parsing:)``, the package's only reading of
/// them; here K is required.
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
    /// - Throws: ``LayerError`` of kind `.invalidConfiguration` for an unknown name, Sum-of-Gamma
    ///   without k, a k that is not a finite positive number, T not a positive whole number.
    public init(parsing text: String) throws(LayerError) {
        switch try NoiseDescription(parsing: text, accepted: Self.parsableNames) {
        case .distribution(let distribution): self = distribution
        case .sumOfGammaMatchingK:
            throw LayerError(.invalidConfiguration, "noise '\(text)': Sum-of-Gamma needs its k here; use sum-of-gamma:K[:T]")
        }
    }
}
