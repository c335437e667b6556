/// The optimal value of a 0/1 knapsack with non-negative integer weights, by dynamic
/// programming over capacities: the independent truth for knapsacks too large to enumerate.
public enum KnapsackDynamicProgram {
    /// max Σ valuesᵢ zᵢ subject to Σ weightsᵢ zᵢ ≤ capacity, z ∈ {0,1}ⁿ (items with a
    /// negative value are never worth taking, so they are skipped).
    ///
    /// - Complexity: O(n · capacity).
    public static func optimum(values: [Double], weights: [Int], capacity: Int) -> Double {
        precondition(values.count == weights.count && capacity >= 0 && weights.allSatisfy { $0 >= 0 })
        var best = [Double](repeating: 0, count: capacity + 1)
        for (value, weight) in zip(values, weights) where value > 0 && weight <= capacity {
            for c in stride(from: capacity, through: weight, by: -1) {
                best[c] = max(best[c], best[c - weight] + value)
            }
        }
        return best[capacity]
    }
}
