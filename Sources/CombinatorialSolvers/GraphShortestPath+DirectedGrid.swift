import DifferentiableSolvers

extension GraphShortestPath {
    /// Paths from the top-left to the bottom-right vertex of a rows × columns grid whose arcs
    /// go one step east or south: the network of PyEPO's shortest-path benchmark
    /// (Tang & Khalil, PyEPO, `shortestPathModel`; 40 arcs for the 5 × 5 grid).
    ///
    /// Vertex `(i, j)` is number `i * columns + j`. The arcs come in PyEPO's order, so θ
    /// lines up with PyEPO's cost vectors: for each row `i`, first its east arcs
    /// `(v, v + 1)` for `j = 0 ..< columns − 1`, then (except in the last row) its south arcs
    /// `(v, v + columns)` for `j = 0 ..< columns`, where `v = i * columns + j`. The graph is
    /// acyclic, so the solver uses `.acyclic`: costs may be negative and both senses work.
    ///
    /// ```swift
    /// let solver = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
    /// solver.variableCount   // 40
    /// ```
    ///
    /// - Parameters:
    ///   - rows: number of grid rows, at least 1.
    ///   - columns: number of grid columns, at least 1 (and rows · columns ≥ 2).
    ///   - sense: `.minimize` (default) or `.maximize`.
    /// - Throws: `SolverError` of kind `.invalidStructure` for a grid with fewer than two
    ///   vertices.
    /// - Complexity: O(rows · columns).
    public static func directedGrid(rows: Int, columns: Int,
                                    sense: OptimizationSense = .minimize) throws(SolverError) -> GraphShortestPath {
        let (vertices, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, vertices < Int(Int32.max) else {
            throw SolverError(.invalidStructure, "a \(rows) × \(columns) grid has too many vertices for this solver")
        }
        guard rows >= 1, columns >= 1, vertices >= 2 else {
            throw SolverError(.invalidStructure, "a \(rows) × \(columns) grid has no arcs; it needs two vertices or more")
        }
        var arcs: [GraphEdge] = []
        arcs.reserveCapacity(rows * (columns - 1) + (rows - 1) * columns)
        for i in 0..<rows {
            for j in 0 ..< columns - 1 { arcs.append(GraphEdge(i * columns + j, i * columns + j + 1)) }
            if i == rows - 1 { continue }
            for j in 0..<columns { arcs.append(GraphEdge(i * columns + j, (i + 1) * columns + j)) }
        }
        return try GraphShortestPath(vertexCount: rows * columns, arcs: arcs, source: 0,
                                     target: rows * columns - 1, algorithm: .acyclic, sense: sense)
    }
}
