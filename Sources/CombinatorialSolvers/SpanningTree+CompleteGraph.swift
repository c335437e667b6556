import DifferentiableSolvers

extension SpanningTree {
    /// A solver for spanning trees of the complete graph on `vertexCount` vertices, the
    /// NRI setting where every pair of particles may interact.
    ///
    /// The n(n − 1)/2 edges come in lexicographic order, (0, 1), (0, 2), …, (0, n − 1),
    /// (1, 2), …, (n − 2, n − 1): edge `{i, j}` with `i < j` is θ entry
    /// `i · n − i(i + 1)/2 + (j − i − 1)`.
    ///
    /// ```swift
    /// let solver = try SpanningTree.completeGraph(vertexCount: 10)   // 45 edges
    /// ```
    ///
    /// - Parameters:
    ///   - vertexCount: number of vertices, at least 2.
    ///   - sense: `.minimize` (default) or `.maximize`.
    /// - Throws: `SolverError` of kind `.invalidStructure` for fewer than 2 vertices.
    /// - Complexity: O(n²).
    public static func completeGraph(vertexCount: Int,
                                     sense: OptimizationSense = .minimize) throws(SolverError) -> SpanningTree {
        guard vertexCount >= 2 else {
            throw SolverError(.invalidStructure, "a complete graph on \(vertexCount) vertices has no edges; it needs 2 or more")
        }
        // 65 536 vertices give 2 147 450 880 edges, the most below Int32.max (the arc limit of the graph solvers).
        guard vertexCount <= 65_536 else {
            throw SolverError(.invalidStructure, "a complete graph on \(vertexCount) vertices has too many edges; at most 65 536 vertices")
        }
        var edges: [GraphEdge] = []
        edges.reserveCapacity(vertexCount * (vertexCount - 1) / 2)
        for i in 0..<vertexCount {
            for j in (i + 1)..<vertexCount { edges.append(GraphEdge(i, j)) }
        }
        return try SpanningTree(vertexCount: vertexCount, edges: edges, sense: sense)
    }
}
