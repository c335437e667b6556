import DifferentiableSolvers

/// An exponential-family distribution p(z; θ) ∝ exp(⟨z, θ⟩ / τ) over a small, explicitly
/// enumerated feasible set, with exact expectations and exact gradients.
///
/// The independent truth against which gradient estimators are measured: the synthetic
/// studies of the IMLE and AIMLE papers use it for one-hot (categorical) and k-subset states.
///
/// ```swift
/// let distribution = try ExactDistribution.kSubset(n: 6, k: 2)
/// let loss = { (z: [Float]) in zip(z, b).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } }
/// let value = distribution.expectation(of: loss, at: theta)        // E[f(z)]
/// let gradient = distribution.gradient(of: loss, at: theta)        // ∇θ E[f(z)]
/// ```
public struct ExactDistribution: Sendable {
    /// Every feasible state.
    public let states: [[Float]]
    /// The temperature τ.
    public let temperature: Double

    /// The largest number of states an enumeration may have.
    public static let maximumStateCount = 2_000_000

    /// A distribution over the given states.
    ///
    /// - Throws: `SolverError` (`.invalidStructure`) when there are no states, they have
    ///   different lengths, or τ is not positive.
    public init(states: [[Float]], temperature: Double = 1) throws(SolverError) {
        guard let length = states.first?.count else {
            throw SolverError(.invalidStructure, "an exact distribution needs at least one state")
        }
        guard states.allSatisfy({ $0.count == length }) else {
            throw SolverError(.invalidStructure, "all states must have the same length")
        }
        guard temperature > 0, temperature.isFinite else {
            throw SolverError(.invalidStructure, "the temperature must be positive and finite (got \(temperature))")
        }
        self.states = states
        self.temperature = temperature
    }

    /// The categorical distribution over the n one-hot vectors.
    public static func categorical(n: Int, temperature: Double = 1) throws(SolverError) -> ExactDistribution {
        try kSubset(n: n, k: 1, temperature: temperature)
    }

    /// The distribution over the C(n, k) binary vectors with exactly k ones.
    ///
    /// - Throws: `SolverError` when k is not in 1...n or there are more than
    ///   ``maximumStateCount`` states.
    public static func kSubset(n: Int, k: Int, temperature: Double = 1) throws(SolverError) -> ExactDistribution {
        guard n >= 1, k >= 1, k <= n else {
            throw SolverError(.invalidStructure, "k-subsets need 1 ≤ k ≤ n (got n = \(n), k = \(k))")
        }
        var count = 1.0
        for i in 0..<k { count = count * Double(n - i) / Double(i + 1) }
        guard count <= Double(maximumStateCount) else {
            throw SolverError(.invalidStructure, "C(\(n), \(k)) = \(Int(count)) states are too many to enumerate")
        }
        var states: [[Float]] = []
        states.reserveCapacity(Int(count))
        var chosen = Array(0..<k)
        while true {
            var z = [Float](repeating: 0, count: n)
            for i in chosen { z[i] = 1 }
            states.append(z)
            // Advance to the next combination in lexicographic order.
            var position = k - 1
            while position >= 0 && chosen[position] == n - k + position { position -= 1 }
            if position < 0 { break }
            chosen[position] += 1
            for next in position + 1 ..< k { chosen[next] = chosen[next - 1] + 1 }
        }
        return try ExactDistribution(states: states, temperature: temperature)
    }

    /// p(z; θ) for every state, in the order of ``states`` (computed stably in log space).
    public func probabilities(at theta: [Float]) -> [Double] {
        let scores = states.map { z in zip(z, theta).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } / temperature }
        let top = scores.max() ?? 0
        let weights = scores.map { _exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// The marginals μ = E[z].
    public func marginals(at theta: [Float]) -> [Double] {
        let p = probabilities(at: theta)
        var mean = [Double](repeating: 0, count: theta.count)
        for (z, weight) in zip(states, p) {
            for j in z.indices { mean[j] += weight * Double(z[j]) }
        }
        return mean
    }

    /// E_{z ~ p(z; θ)}[f(z)].
    public func expectation(of f: ([Float]) -> Double, at theta: [Float]) -> Double {
        zip(states, probabilities(at: theta)).reduce(0) { $0 + $1.1 * f($1.0) }
    }

    /// ∇θ E[f(z)] = Cov(f(z), z) / τ = Σ_z p(z) f(z) (z − μ) / τ.
    public func gradient(of f: ([Float]) -> Double, at theta: [Float]) -> [Double] {
        let p = probabilities(at: theta)
        let mu = marginals(at: theta)
        var gradient = [Double](repeating: 0, count: theta.count)
        for (z, weight) in zip(states, p) {
            let value = f(z)
            for j in z.indices { gradient[j] += weight * value * (Double(z[j]) - mu[j]) / temperature }
        }
        return gradient
    }
}
