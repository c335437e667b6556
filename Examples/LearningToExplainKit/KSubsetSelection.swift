import CombinatorialSolvers
import DifferentiableSolvers
import _ExampleSupport

/// Exactly k of n patches: the k-subset structure of the explainer, with the MAP oracle
/// (``BlockTopK`` over one block of n) that training perturbs and evaluation calls noiselessly.
///
/// At test time every method — relaxation or perturb-and-MAP — is judged on ``map(_:)``, the
/// k largest scores of each image, so that every explanation is a true k-subset.
///
/// ```swift
/// let selection = try KSubsetSelection(k: 2, of: 4)
/// try selection.map(Matrix(rows: 1, columns: 4, values: [0.1, 3, -1, 2])).values   // [0, 1, 0, 1]
/// ```
public struct KSubsetSelection: Sendable, Hashable {
    /// Patches selected per image.
    public let k: Int
    /// Patches to choose from.
    public let n: Int

    /// Selections of `k` out of `n`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) unless 1 ≤ k ≤ n.
    public init(k: Int, of n: Int) throws(ExampleError) {
        guard n >= 1, (1...n).contains(k) else {
            throw ExampleError("a k-subset of \(n) patches needs 1 ≤ k ≤ \(n) (got k = \(k))")
        }
        self.k = k
        self.n = n
    }

    /// The MAP oracle: the top k of one block of n scores (ties to the lower index).
    public var solver: BlockTopK {
        // 1 ≤ k ≤ n holds by construction.
        try! BlockTopK(blockSize: n, k: k, blocks: 1)
    }

    /// The k highest-scoring patches of every row of `scores` (B × n), as 0/1 masks.
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) for rows of another length, (`.solverFailed`)
    ///   for non-finite scores.
    public func map(_ scores: Matrix) throws(ExampleError) -> Matrix {
        guard scores.isConsistent, scores.columns == n else {
            throw ExampleError(.shapeMismatch, "scores of shape \(scores.rows) × \(scores.columns) for k-subsets of \(n) patches")
        }
        do { return try solver.solveBatch(scores) } catch {
            throw ExampleError(.solverFailed, "top-\(k) selection: \(error)")
        }
    }

    /// `rows` selections of k patches drawn uniformly at random (the chance level of a metric).
    public func random(rows: Int, using generator: inout SeededGenerator) -> Matrix {
        var masks = Matrix(rows: rows, columns: n)
        for row in 0..<max(rows, 0) {
            for patch in Array(0..<n).shuffled(using: &generator).prefix(k) { masks[row, patch] = 1 }
        }
        return masks
    }
}
