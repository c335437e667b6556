import DifferentiableSolvers
import _ExampleSupport

/// L2X's relaxed k-subsets in training (``L2XRelaxation``), with fresh Gumbel draws from
/// (seed, step) at every call.
///
/// ```swift
/// var sampler = L2XSampler(relaxation: try L2XRelaxation(k: 8, temperature: 0.5), seed: 1)
/// ```
public struct L2XSampler: SubsetSampler {
    /// The relaxation.
    public let relaxation: L2XRelaxation
    /// The seed of the Gumbel draws.
    public let seed: UInt64
    /// Calls so far; part of the key of the draws.
    public private(set) var step: UInt64 = 0

    /// A sampler of `relaxation` with draws from `seed`.
    public init(relaxation: L2XRelaxation, seed: UInt64) {
        self.relaxation = relaxation
        self.seed = seed
    }

    /// One relaxed selection per image.
    public var samplesPerImage: Int { 1 }

    public mutating func sample(_ scores: Matrix) throws(ExampleError) -> SampledSubsets {
        var generator = SeededGenerator(seed: seed, stream: [0x12C, step])
        step &+= 1
        if let bad = scores.firstNonFiniteIndex {
            throw ExampleError(.solverFailed, "L2X: score \(scores.values[bad]) at row \(bad / max(scores.columns, 1))")
        }
        let relaxation = self.relaxation
        let sample = try relaxation.relax(scores, gumbel: relaxation.gumbelNoise(rows: scores.rows, columns: scores.columns,
                                                                                 using: &generator))
        return SampledSubsets(selections: sample.values) { (upstream) throws(ExampleError) in
            try relaxation.scoreGradient(upstream, at: sample)
        }
    }
}
