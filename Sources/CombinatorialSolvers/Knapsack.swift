import DifferentiableSolvers

/// The 0/1 knapsack as a MAP oracle: the subset of items of total weight at most the
/// capacity that maximises (or minimises) the total value ⟨z, θ⟩, by dynamic programming
/// over integer weights.
///
/// θᵢ is the value of item i (any sign; an item of negative value is never worth taking
/// when maximising); z is the 0/1 mask of the chosen items. The weights and the capacity
/// are the solver's structure. Minimising ⟨z, θ⟩ is maximising ⟨z, −θ⟩ over the same
/// subsets. Ties go to the subset that leaves out the later item, so the result is
/// deterministic.
///
/// ```swift
/// let knapsack = try Knapsack(weights: [2, 3, 4], capacity: 5)
/// try knapsack.solve(row: [3, 4, 6])      // [1, 1, 0]: value 7 beats 6
/// ```
///
/// - Complexity: O(n · C) time per row and O(n · C) bits of workspace, where C is the
///   capacity; no allocation after a worker's first row.
public struct Knapsack: MAPSolver {
    /// The largest table n · (C + 1) the solver accepts (64 MiB of decisions).
    public static let maximumTableSize = 1 << 26

    /// The item weights (non-negative integers).
    public let weights: [Int]
    /// The largest total weight of a chosen subset.
    public let capacity: Int
    /// Whether the total value is maximised or minimised.
    public let sense: OptimizationSense

    /// Creates the solver.
    ///
    /// - Parameters:
    ///   - weights: one non-negative integer weight per item.
    ///   - capacity: the weight limit, non-negative.
    ///   - sense: maximise (default) or minimise the total value.
    /// - Throws: `SolverError` of kind `.invalidStructure` for no items, a negative weight
    ///   or capacity, or a dynamic-programming table larger than ``maximumTableSize``.
    public init(weights: [Int], capacity: Int, sense: OptimizationSense = .maximize) throws(SolverError) {
        guard !weights.isEmpty else {
            throw SolverError(.invalidStructure, "a knapsack needs at least one item")
        }
        if let bad = weights.firstIndex(where: { $0 < 0 }) {
            throw SolverError(.invalidStructure, "item weights must be non-negative; item \(bad) weighs \(weights[bad])",
                              index: bad)
        }
        guard capacity >= 0 else {
            throw SolverError(.invalidStructure, "the capacity must be non-negative, got \(capacity)")
        }
        let (cells, overflow) = weights.count.multipliedReportingOverflow(by: capacity &+ 1)
        guard !overflow, capacity < Int.max, cells <= Self.maximumTableSize else {
            throw SolverError(.invalidStructure,
                              "\(weights.count) items × capacity \(capacity) exceed the dynamic-programming table limit of \(Self.maximumTableSize) cells")
        }
        self.weights = weights
        self.capacity = capacity
        self.sense = sense
    }

    /// One entry per item.
    public var variableCount: Int? { weights.count }

    /// The best value per capacity and the take/leave decision of every (item, capacity).
    public struct Workspace: Sendable {
        var best: [Double] = []
        var taken: [Bool] = []
    }

    /// Empty tables, grown on the first row.
    public func makeWorkspace() -> Workspace { Workspace() }

    /// Writes the mask of the best subset of items within the capacity for the item values
    /// `theta`.
    ///
    /// - Parameters:
    ///   - theta: one value per item.
    ///   - solution: receives the 0/1 mask of the chosen items.
    ///   - workspace: this worker's dynamic-programming tables.
    /// - Throws: `SolverError` of kind `.shapeMismatch` unless `theta` has one entry per item.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                      workspace: inout Workspace) throws(SolverError) {
        let n = weights.count, width = capacity + 1
        guard theta.count == n else {
            throw SolverError(.shapeMismatch, "knapsack θ has \(theta.count) entries; expected one per item (\(n))")
        }
        let sign = Double(sense.sign)
        // best[c]: the largest sign·value of a subset of the items seen so far with weight ≤ c.
        workspace.best.removeAll(keepingCapacity: true)
        workspace.best.append(contentsOf: repeatElement(0, count: width))
        workspace.taken.removeAll(keepingCapacity: true)
        workspace.taken.append(contentsOf: repeatElement(false, count: n * width))
        for item in 0..<n {
            let weight = weights[item], value = sign * Double(theta[item])
            guard weight <= capacity else { continue }
            // Descending capacities, so that best[c − weight] still excludes this item.
            for c in stride(from: capacity, through: weight, by: -1) {
                let candidate = workspace.best[c - weight] + value
                if candidate > workspace.best[c] {
                    workspace.best[c] = candidate
                    workspace.taken[item * width + c] = true
                }
            }
        }
        var remaining = capacity
        for item in stride(from: n - 1, through: 0, by: -1) {
            if workspace.taken[item * width + remaining] {
                solution[item] = 1
                remaining -= weights[item]
            } else {
                solution[item] = 0
            }
        }
    }
}
