import DifferentiableSolvers

/// Brute-force enumeration of small feasible sets and their optimum: the independent truth
/// the conformance kit compares solvers with.
///
/// ```swift
/// let states = try ExhaustiveSearch.binaryVectors(length: 4) { z in z.reduce(0, +) <= 2 }
/// let best = try ExhaustiveSearch.optimum(of: [1, -2, 3, 0.5], over: states, sense: .maximize)
/// best.value            // 4 (items 0 and 2)
/// ```
public enum ExhaustiveSearch {
    /// The longest vectors ``binaryVectors(length:where:)`` enumerates (2²⁰ states).
    public static let maximumBinaryLength = 20

    /// All 0/1 vectors of length `n`, optionally filtered.
    ///
    /// - Throws: ``ConformanceFailure`` when `n` is negative or above ``maximumBinaryLength``.
    /// - Complexity: O(2ⁿ · n).
    public static func binaryVectors(length n: Int, where keep: ([Float]) -> Bool = { _ in true })
        throws(ConformanceFailure) -> [[Float]]
    {
        guard (0...maximumBinaryLength).contains(n) else {
            throw ConformanceFailure(nil, "cannot enumerate 0/1 vectors of length \(n) (0…\(maximumBinaryLength))")
        }
        var result: [[Float]] = []
        for mask in 0..<(1 << n) {
            let z = (0..<n).map { Float((mask >> $0) & 1) }
            if keep(z) { result.append(z) }
        }
        return result
    }

    /// The n one-hot vectors of length n.
    public static func oneHotVectors(length n: Int) -> [[Float]] {
        (0..<max(n, 0)).map { hot in (0..<n).map { $0 == hot ? 1 : 0 } }
    }

    /// The 0/1 vectors of length n with exactly k ones.
    ///
    /// - Throws: as ``binaryVectors(length:where:)``.
    public static func kHotVectors(length n: Int, k: Int) throws(ConformanceFailure) -> [[Float]] {
        try binaryVectors(length: n) { $0.reduce(0, +) == Float(k) }
    }

    /// The optimum of ⟨z, θ⟩ over `states` in the given sense, in double precision.
    ///
    /// - Throws: ``ConformanceFailure`` when `states` is empty or a state's length differs
    ///   from θ's.
    public static func optimum(of theta: [Float], over states: [[Float]], sense: OptimizationSense)
        throws(ConformanceFailure) -> (value: Double, state: [Float])
    {
        guard var best = states.first else {
            throw ConformanceFailure(nil, "the instance has no feasible states to compare with")
        }
        if let bad = states.first(where: { $0.count != theta.count }) {
            throw ConformanceFailure(nil, "a feasible state has \(bad.count) entries but θ has \(theta.count)")
        }
        var bestValue = objective(best, theta)
        for state in states.dropFirst() {
            let value = objective(state, theta)
            if sense.prefers(value, over: bestValue) { best = state; bestValue = value }
        }
        return (bestValue, best)
    }

    /// ⟨z, θ⟩ in double precision.
    public static func objective(_ z: [Float], _ theta: [Float]) -> Double {
        zip(z, theta).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
}
