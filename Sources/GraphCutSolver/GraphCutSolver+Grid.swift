import DifferentiableSolvers

extension GraphCutSolver {
    /// A solver for a `gridRows` × `columns` grid of binary pixels.
    ///
    /// Cell (r, c) is node r · columns + c (row-major, like an image). Edges are listed cell
    /// by cell in row-major order; for each cell, in this order and when the neighbour
    /// exists: right (r, c+1), down (r+1, c), and with `GridConnectivity.eight` also
    /// down-right (r+1, c+1) and down-left (r+1, c−1). With learned weights θ is the image of
    /// unaries followed by the edge weights in that order; ``edges`` lists them.
    ///
    /// ```swift
    /// let solver = try GraphCutSolver(gridRows: 2, columns: 2)
    /// solver.edges.map { [$0.first, $0.second] }   // [[0, 1], [0, 2], [1, 3], [2, 3]]
    /// ```
    ///
    /// - Parameters:
    ///   - gridRows: number of rows ≥ 1.
    ///   - columns: number of columns ≥ 1.
    ///   - connectivity: `.four` (the default) or `.eight`.
    ///   - pairwiseWeights: `.learned` (the default) or `.fixed`, one weight per edge in the
    ///     order above.
    ///   - sense: `.maximize` (the default) or `.minimize`.
    /// - Throws: `SolverError` of kind `.invalidStructure` for an empty or too large grid,
    ///   and the errors of ``init(nodeCount:edges:pairwiseWeights:sense:)`` for fixed weights.
    /// - Complexity: O(rows · columns).
    public init(
        gridRows: Int,
        columns: Int,
        connectivity: GridConnectivity = .four,
        pairwiseWeights: PairwiseWeights = .learned,
        sense: OptimizationSense = .maximize
    ) throws(SolverError) {
        guard gridRows >= 1, columns >= 1 else {
            throw SolverError(.invalidStructure,
                              "a grid needs at least one row and one column, got \(gridRows) × \(columns)")
        }
        let (nodeCount, overflow) = gridRows.multipliedReportingOverflow(by: columns)
        guard !overflow, nodeCount <= Int(Int32.max) else {
            throw SolverError(.invalidStructure, "a \(gridRows) × \(columns) grid is too large")
        }
        try self.init(nodeCount: nodeCount,
                      edges: Self.gridEdges(rows: gridRows, columns: columns, connectivity: connectivity),
                      pairwiseWeights: pairwiseWeights, sense: sense)
    }

    /// The edge list of a grid, in the order documented on the grid initialiser.
    static func gridEdges(rows: Int, columns: Int, connectivity: GridConnectivity) -> [(Int, Int)] {
        var edges: [(Int, Int)] = []
        edges.reserveCapacity(rows * columns * (connectivity == .four ? 2 : 4))
        for r in 0..<rows {
            for c in 0..<columns {
                let cell = r * columns + c
                if c + 1 < columns { edges.append((cell, cell + 1)) }
                if r + 1 < rows { edges.append((cell, cell + columns)) }
                guard connectivity == .eight, r + 1 < rows else { continue }
                if c + 1 < columns { edges.append((cell, cell + columns + 1)) }
                if c >= 1 { edges.append((cell, cell + columns - 1)) }
            }
        }
        return edges
    }
}
