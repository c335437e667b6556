import DifferentiableSolvers
import _ExampleSupport

/// The noise ρ(ε) of the perturb-and-MAP methods: Sum-of-Gamma matched to each run's k (the
/// k-subset noise of Niepert et al. 2021, Eq. 5, with T = 10 terms), or any fixed distribution.
///
/// Parsed from the command line by `NoiseDescription(parsing:)`: `sum-of-gamma` or `sog`
/// (matched to k), `gumbel`, `normal`, `none`, `sum-of-gamma:K[:T]`.
///
/// ```swift
/// try PerturbationNoise(parsing: "sum-of-gamma").distribution(k: 8)   // .sumOfGamma(k: 8, iterations: 10)
/// try PerturbationNoise(parsing: "gumbel").distribution(k: 8)         // .gumbel
/// ```
public enum PerturbationNoise: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Sum-of-Gamma with the k of the run and 10 terms.
    case sumOfGammaMatchingK
    /// The same distribution for every k.
    case fixed(NoiseDistribution)

    /// Parses a command-line name (see the type's discussion) with `NoiseDescription(parsing:)`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the accepted forms.
    public init(parsing text: String) throws(ExampleError) {
        switch try NoiseName.parse(text) {
        case .sumOfGammaMatchingK: self = .sumOfGammaMatchingK   // the parser's T = 10, as this case's
        case .distribution(let distribution): self = .fixed(distribution)
        }
    }

    /// The distribution for k-subsets of size `k`.
    public func distribution(k: Int) -> NoiseDistribution {
        switch self {
        case .sumOfGammaMatchingK: .sumOfGamma(k: Double(k), iterations: 10)
        case .fixed(let distribution): distribution
        }
    }

    /// The name as a command line writes it.
    public var description: String {
        switch self {
        case .sumOfGammaMatchingK: "sum-of-gamma"
        case .fixed(.none): "none"
        case .fixed(.gumbel): "gumbel"
        case .fixed(.normal): "normal"
        case .fixed(.sumOfGamma(let k, let iterations)): "sum-of-gamma:\(k):\(iterations)"
        }
    }
}
