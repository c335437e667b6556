import DifferentiableSolvers

/// Independent k-subsets (one-hot vectors for k = 1) over consecutive blocks of θ: the MAP
/// of N categorical or k-subset latent variables laid out side by side.
///
/// θ has N · `blockSize` entries; z selects the k best entries of every block. Ties go to the
/// lower index. This is the latent structure of discrete VAEs with several categorical
/// variables (Lorberbom et al. 2019) and of the k-subset VAE of the IMLE papers.
///
/// ```swift
/// try BlockTopK(blockSize: 3, k: 1).solve(row: [0, 2, 1,  5, 4, 3])   // [0, 1, 0,  1, 0, 0]
/// ```
///
/// - Complexity: O(n · log k) per row; no allocation after the worker's first row.
public struct BlockTopK: MAPSolver {
    /// The length of each block.
    public let blockSize: Int
    /// The entries selected per block.
    public let k: Int
    /// Whether the largest or the smallest entries are selected.
    public let sense: OptimizationSense
    /// The number of blocks, when fixed.
    public let blocks: Int?

    /// Creates the solver; `blocks` fixes the length of θ to `blocks · blockSize` (any
    /// multiple of `blockSize` when nil).
    ///
    /// - Throws: `SolverError` (`.invalidStructure`) unless 1 ≤ k ≤ blockSize and blocks ≥ 1.
    public init(blockSize: Int, k: Int = 1, blocks: Int? = nil, sense: OptimizationSense = .maximize) throws(SolverError) {
        guard blockSize >= 1, k >= 1, k <= blockSize else {
            throw SolverError(.invalidStructure, "block top-k needs 1 ≤ k ≤ block size (got k = \(k), block size = \(blockSize))")
        }
        if let blocks, blocks < 1 {
            throw SolverError(.invalidStructure, "block top-k needs at least one block (got \(blocks))")
        }
        self.blockSize = blockSize
        self.k = k
        self.blocks = blocks
        self.sense = sense
    }

    /// `blocks · blockSize` when the number of blocks is fixed; `nil` (any positive multiple
    /// of `blockSize`) otherwise.
    public var variableCount: Int? { blocks.map { $0 * blockSize } }

    /// The heap of ``TopK``, reused for every block.
    public func makeWorkspace() -> TopK.Workspace { TopK(k: k, sense: sense).makeWorkspace() }

    /// Writes the mask of the k best entries of every block of `theta` (ties: the lower index).
    ///
    /// - Parameters:
    ///   - theta: the scores of one instance, block after block.
    ///   - solution: receives the mask; same length as `theta`.
    ///   - workspace: this worker's heap.
    /// - Throws: `SolverError` of kind `.shapeMismatch` when the length of `theta` is not a
    ///   positive multiple of ``blockSize``.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout TopK.Workspace) throws(SolverError) {
        guard theta.count > 0, theta.count % blockSize == 0 else {
            throw SolverError(.shapeMismatch, "θ has \(theta.count) entries, not a positive multiple of the block size \(blockSize)")
        }
        let block = TopK(k: k, sense: sense)
        for start in stride(from: 0, to: theta.count, by: blockSize) {
            block.select(theta, range: start ..< start + blockSize, into: &solution, workspace: &workspace)
        }
    }
}
