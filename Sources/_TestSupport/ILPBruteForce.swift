import DifferentiableSolvers

/// Allocation-free enumerations for the ILP property tests, fast enough in debug builds to
/// check hundreds of instances: the same brute force as ``BruteForce``, over bit masks and
/// permutation indices instead of materialised state vectors.
public enum ILPBruteForce {
    /// The best ⟨θ, z⟩ over the 0/1 vectors z (bit j of the mask is zⱼ) that satisfy every
    /// `weights[r] · z ≤ capacities[r]`; 0 (the empty set) is always feasible for
    /// non-negative weights.
    ///
    /// - Complexity: O(2ⁿ · n · rows).
    public static func knapsackOptimum(theta: [Float], weights: [[Int]], capacities: [Int]) -> Double {
        let n = theta.count
        precondition(n <= 24, "2^\(n) subsets are too many to enumerate")
        var best = -Double.infinity
        for mask in 0..<(1 << n) {
            var feasible = true
            for (row, capacity) in zip(weights, capacities) {
                var load = 0
                for j in 0..<n where mask & (1 << j) != 0 { load += row[j] }
                if load > capacity { feasible = false; break }
            }
            guard feasible else { continue }
            var value = 0.0
            for j in 0..<n where mask & (1 << j) != 0 { value += Double(theta[j]) }
            best = max(best, value)
        }
        return best
    }

    /// The best Σᵢ θ[i·n + π(i)] over the given permutations π of 0..<n.
    ///
    /// - Complexity: O(permutations · n).
    public static func assignmentOptimum(theta: [Float], permutations: [[Int]], sense: OptimizationSense) -> Double {
        var best = sense == .maximize ? -Double.infinity : Double.infinity
        for permutation in permutations {
            let n = permutation.count
            var value = 0.0
            for i in 0..<n { value += Double(theta[i * n + permutation[i]]) }
            if sense.prefers(value, over: best) { best = value }
        }
        return best
    }
}
