import DifferentiableSolvers
import _ExampleSupport

/// The continuous relaxation of a k-subset that L2X trains with (Chen et al. 2018, §3.2):
/// k independent Gumbel-softmax draws over the n patches,
/// c⁽ʲ⁾ = softmax((θ + g⁽ʲ⁾) / τ) with g⁽ʲ⁾ ~ Gumbel(0, 1)ⁿ, j = 1 … k, and their elementwise
/// maximum z̃ᵢ = maxⱼ c⁽ʲ⁾ᵢ, a vector in [0, 1]ⁿ that approaches a k-hot mask (or fewer ones,
/// when two draws pick the same patch) as τ → 0.
///
/// The backward pass is written by hand: the maximum passes ∂L/∂z̃ᵢ to the draw that attains
/// it, and each draw's softmax contributes ∂L/∂θ = c ⊙ (u − ⟨c, u⟩) / τ for its share u.
///
/// ```swift
/// let relaxation = try L2XRelaxation(k: 2, temperature: 1)
/// let theta = Matrix(rows: 1, columns: 3, values: [0, 0, 0])
/// let draws: [Float] = [log(2), 0, 0,   0, 0, log(3)]               // g⁽¹⁾, g⁽²⁾
/// let sample = try relaxation.relax(theta, gumbel: draws)
/// sample.values                                                       // [1/2, 1/4, 3/5]
/// let dTheta = try relaxation.scoreGradient(Matrix(rows: 1, columns: 3, values: [1, 0, 0]), at: sample)
/// ```
public struct L2XRelaxation: Sendable, Hashable {
    /// Gumbel-softmax draws per image: the k of the k-subset.
    public let k: Int
    /// The softmax temperature τ.
    public let temperature: Float

    /// A relaxation with `k` draws at temperature `temperature`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for k < 1 or a temperature that is not
    ///   finite and positive.
    public init(k: Int, temperature: Float) throws(ExampleError) {
        guard k >= 1 else { throw ExampleError("L2X needs at least one draw (got k = \(k))") }
        guard temperature.isFinite, temperature > 0 else {
            throw ExampleError("L2X needs a finite temperature τ > 0 (got \(temperature))")
        }
        self.k = k
        self.temperature = temperature
    }

    /// A relaxed selection and what its backward pass needs.
    public struct Sample: Sendable {
        /// z̃, one row of n values in [0, 1] per image.
        public let values: Matrix
        /// The draws c⁽ʲ⁾, image-major then draw-major: rows · k · n values.
        public let draws: [Float]
        /// For every entry of ``values``, the draw j that attains the maximum (the first on ties).
        public let winners: [Int]
    }

    /// k standard Gumbel vectors per image, image-major then draw-major (rows · k · n values).
    public func gumbelNoise(rows: Int, columns: Int, using generator: inout SeededGenerator) -> [Float] {
        NoiseDistribution.gumbel.sample(count: max(rows, 0) * k * max(columns, 0), using: &generator)
    }

    /// The relaxed selection of every row of `scores` with the given Gumbel draws.
    ///
    /// - Parameters:
    ///   - scores: θ, B × n.
    ///   - gumbel: B · k · n perturbations (see ``gumbelNoise(rows:columns:using:)``).
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when the sizes do not fit.
    public func relax(_ scores: Matrix, gumbel: [Float]) throws(ExampleError) -> Sample {
        let rows = scores.rows, n = scores.columns
        guard scores.isConsistent, n >= 1, gumbel.count == rows * k * n else {
            throw ExampleError(.shapeMismatch, "L2X: \(gumbel.count) Gumbel values for \(rows) × \(n) scores and k = \(k) "
                               + "(needs \(max(rows * k * n, 0)))")
        }
        var draws = [Float](repeating: 0, count: rows * k * n)
        var values = Matrix(rows: rows, columns: n, repeating: -1)
        var winners = [Int](repeating: 0, count: rows * n)
        var logits = [Double](repeating: 0, count: n)
        for row in 0..<rows {
            for draw in 0..<k {
                let offset = (row * k + draw) * n
                for i in 0..<n {
                    logits[i] = (Double(scores[row, i]) + Double(gumbel[offset + i])) / Double(temperature)
                }
                let softmax = SoftmaxCrossEntropy.softmax(logits)
                for i in 0..<n {
                    draws[offset + i] = Float(softmax[i])
                    if draws[offset + i] > values[row, i] {
                        values[row, i] = draws[offset + i]
                        winners[row * n + i] = draw
                    }
                }
            }
        }
        return Sample(values: values, draws: draws, winners: winners)
    }

    /// ∂L/∂θ from ∂L/∂z̃ (the vector–Jacobian product of ``relax(_:gumbel:)`` at fixed noise).
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when `upstream` is not shaped like the sample.
    public func scoreGradient(_ upstream: Matrix, at sample: Sample) throws(ExampleError) -> Matrix {
        let rows = sample.values.rows, n = sample.values.columns
        guard upstream.isConsistent, upstream.rows == rows, upstream.columns == n else {
            throw ExampleError(.shapeMismatch, "L2X: ∂L/∂z̃ of shape \(upstream.rows) × \(upstream.columns) for a "
                               + "\(rows) × \(n) selection")
        }
        var gradient = Matrix(rows: rows, columns: n)
        for row in 0..<rows {
            for draw in 0..<k {
                let offset = (row * k + draw) * n
                // This draw's share of ∂L/∂z̃: the entries whose maximum it attains.
                var share = [Double](repeating: 0, count: n)
                var inner = 0.0
                for i in 0..<n where sample.winners[row * n + i] == draw {
                    share[i] = Double(upstream[row, i])
                    inner += Double(sample.draws[offset + i]) * share[i]
                }
                for i in 0..<n {
                    gradient[row, i] += Float(Double(sample.draws[offset + i]) * (share[i] - inner) / Double(temperature))
                }
            }
        }
        return gradient
    }
}
