import DifferentiableSolvers

/// The ranking of a score vector: the MAP over permutations with a linear objective.
///
/// z is the *rank vector*: `z[i]` is the rank of entry `i`, and the ranks `1 … n` are a
/// permutation, so ⟨z, θ⟩ = Σᵢ rank(i) · θᵢ. When maximising (the default) the largest score
/// gets rank n and the smallest gets rank 1 (ascending ranks, the sorting permutation); when
/// minimising it is the other way round, the largest score gets rank 1. By the
/// rearrangement inequality these are exactly the optimal permutations.
///
/// The permutation-matrix view of the same problem (θ an n × n score matrix of item ×
/// position) is the assignment problem; use ``LinearAssignment`` for it.
///
/// The solver takes rows of any length n ≥ 1, so ``variableCount`` is `nil`.
///
/// **Tie-breaking.** Deterministic: among equal scores the entry with the smaller index gets
/// the smaller rank (in both senses).
///
/// ```swift
/// let z = try Ranking().solve(row: [0.3, -1, 2, 0.3])   // [2, 1, 4, 3]
/// try Ranking(sense: .minimize).solve(row: [0.3, -1, 2]) // [2, 3, 1]
/// ```
///
/// - Complexity: O(n log n) per instance (a heap sort of packed keys); no allocation per
///   instance once the workspace has seen a row of that length.
public struct Ranking: MAPSolver {
    /// `.maximize`: largest score, largest rank; `.minimize`: largest score, rank 1.
    public let sense: OptimizationSense

    /// Creates a ranking solver.
    ///
    /// - Parameter sense: `.maximize` (default) or `.minimize`.
    public init(sense: OptimizationSense = .maximize) {
        self.sense = sense
    }

    /// `nil`: rows of any length are ranked.
    public var variableCount: Int? { nil }

    /// An empty key buffer, sized by the first row it sees.
    public func makeWorkspace() -> RankingWorkspace { RankingWorkspace() }

    /// Writes the rank of each entry of θ.
    ///
    /// - Throws: `SolverError` of kind `.shapeMismatch` (empty θ, a solution buffer of
    ///   another length, or more than 2³² entries) or `.nonFiniteParameter` (with the index).
    /// - Complexity: O(n log n).
    public func solve(
        _ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout RankingWorkspace
    ) throws(SolverError) {
        guard theta.count > 0, theta.count <= Int(UInt32.max) else {
            throw SolverError(.shapeMismatch, "θ has \(theta.count) entries; ranking needs between 1 and 2³²")
        }
        try InputChecks.requireLength(theta, solution, theta.count)
        try InputChecks.requireFinite(theta)
        if workspace.keys.count != theta.count {
            workspace.keys = [UInt64](repeating: 0, count: theta.count)
        }
        rank(theta, into: &solution, keyStorage: &workspace.keys)
    }

    /// Heap-sorts the (score, index) keys and hands out ranks 1, 2, … in key order.
    private func rank(_ theta: borrowing Span<Float>, into solution: inout MutableSpan<Float>,
                      keyStorage: inout [UInt64]) {
        var keys = keyStorage.mutableSpan
        let sign: Float = sense == .maximize ? 1 : -1
        for i in theta.indices { keys[i] = PackedKey.make(sign * theta[i], i) }
        var heap = PackedKeyHeap()
        heap.heapify(count: theta.count, &keys)
        var rank: Float = 1
        while !heap.isEmpty {
            solution[PackedKey.index(of: heap.popMin(&keys))] = rank
            rank += 1
        }
    }
}
