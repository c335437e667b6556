/// The distribution ρ(ε) of the perturbations in perturb-and-MAP.
///
/// The layer draws ε ~ ρ for every sample of every row, uses `forwardTemperature · ε` in the
/// forward pass and the *same* ε, scaled by `targetTemperature`, in the backward pass.
///
/// ```swift
/// let noise = NoiseDistribution.sumOfGamma(k: 10)     // for k-subset / top-k problems
/// var rng = SeededGenerator(seed: 7)
/// let eps = noise.sample(count: 20, using: &rng)
/// ```
public enum NoiseDistribution: Sendable, Hashable, Codable {
    /// No perturbation (ε = 0): the layer becomes a deterministic solver call.
    case none
    /// Standard Gumbel(0, 1): perturb-and-MAP with it samples exactly from the categorical
    /// distribution p(z) ∝ exp⟨z, θ⟩ when the MAP is an argmax.
    case gumbel
    /// Standard normal N(0, 1).
    case normal
    /// Sum-of-Gamma noise (Niepert et al. 2021, Eq. 5): ε = (Σ_{i=1}^{T} Gamma(1/k, k/i) − log T) / k,
    /// whose k-fold sum is Gumbel-distributed; suited to k-subset structures. `iterations` is T.
    /// Sampled in single precision, eight Gamma candidates at a time (see `JohnkGammaSampler`).
    case sumOfGamma(k: Double, iterations: Int = 10)

    /// Draws `count` independent values.
    public func sample(count: Int, using generator: inout SeededGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        fill(&values, range: 0..<count, using: &generator)
        return values
    }

    /// Fills `values[range]` with independent draws (NaN for a configuration that
    /// ``configurationProblem`` rejects).
    public func fill(_ values: inout [Float], range: Range<Int>, using generator: inout SeededGenerator) {
        values.withUnsafeMutableBufferPointer { buffer in
            fill(UnsafeMutableBufferPointer(rebasing: buffer[range]), using: &generator)
        }
    }

    /// Fills `values` with independent draws; the values depend only on the generator's
    /// state and the buffer's length.
    func fill(_ values: UnsafeMutableBufferPointer<Float>, using generator: inout SeededGenerator) {
        switch self {
        case .none:
            values.update(repeating: 0)
        case .gumbel:
            // Eight at a time, each full block stored whole; a short last block uses the
            // first lanes of a full one.
            let whole = values.count / 8
            if let start = values.baseAddress { generator.fillGumbelBlocks(start, blocks: whole) }
            let i = whole * 8
            if i < values.count {
                let block = generator.nextGumbelBlock()
                for lane in 0 ..< values.count - i { values[i + lane] = block[lane] }
            }
        case .normal:
            for i in values.indices { values[i] = Float(generator.nextNormal()) }
        case .sumOfGamma(let k, let iterations):
            fillSumOfGamma(values, k: k, iterations: iterations, using: &generator)
        }
    }

    /// Describes why the configuration is unusable, or `nil` when it is valid.
    public var configurationProblem: String? {
        if case .sumOfGamma(let k, let iterations) = self {
            if !(k > 0) || !k.isFinite { return "Sum-of-Gamma noise needs k > 0 (got \(k))" }
            if iterations < 1 { return "Sum-of-Gamma noise needs at least one iteration (got \(iterations))" }
        }
        return nil
    }
}
