import DifferentiableSolvers

/// Registers the graph and permutation solvers of this module: `shortest-path.grid`,
/// `shortest-path.graph`, `shortest-path.directed-grid`, `spanning-tree.kruskal`,
/// `assignment.hungarian`, `ranking` and `block-top-k`.
///
/// - Throws: ``RegistryError`` of kind `.duplicateName` when one of the names is taken.
func registerGraphSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "shortest-path.grid",
        summary: "vertex-weighted grid path from the top-left to the bottom-right cell (Warcraft); θ = cell costs ≥ 0",
        family: "shortest path",
        options: [
            SolverOption("height", .integer, meaning: "grid rows"),
            SolverOption("width", .integer, meaning: "grid columns"),
            SolverOption("connectivity", .integer, default: 8, meaning: "4 or 8 neighbours"),
        ],
        parameters: { _ in .nonNegative }
    ) { (options) throws(SolverError) in
        let connectivity: GridShortestPath.Connectivity
        switch try options.integer("connectivity") {
        case 4: connectivity = .four
        case 8: connectivity = .eight
        case let other: throw SolverError(.invalidOption, "option 'connectivity' must be 4 or 8 (got \(other))")
        }
        return try GridShortestPath(height: try options.integer("height"), width: try options.integer("width"),
                                    connectivity: connectivity)
    }
    try registry.register(
        "shortest-path.graph", summary: "s–t path in a directed graph given as arcs; θ = arc costs",
        family: "shortest path",
        options: [
            SolverOption("vertices", .integer, meaning: "number of vertices"),
            SolverOption("arcs", .integerArray, meaning: "arcs as flattened pairs [u₀, v₀, u₁, v₁, …]"),
            SolverOption("source", .integer, meaning: "source vertex"),
            SolverOption("target", .integer, meaning: "target vertex"),
            SolverOption("algorithm", .string, default: "dijkstra",
                         meaning: "dijkstra (costs ≥ 0) or acyclic (a DAG, any costs)", allowedValues: ["dijkstra", "acyclic"]),
            .sense(default: .minimize),
        ],
        parameters: { (solver: GraphShortestPath) in solver.algorithm == .dijkstra ? .nonNegative : .unrestricted }
    ) { (options) throws(SolverError) in
        let flat = try options.integerArray("arcs")
        guard flat.count % 2 == 0 else {
            throw SolverError(.invalidOption, "option 'arcs' needs an even number of entries (pairs), got \(flat.count)")
        }
        let arcs = stride(from: 0, to: flat.count, by: 2).map { GraphEdge(flat[$0], flat[$0 + 1]) }
        let algorithm: GraphShortestPath.Algorithm = try options.string("algorithm") == "acyclic" ? .acyclic : .dijkstra
        return try GraphShortestPath(vertexCount: try options.integer("vertices"), arcs: arcs,
                                     source: try options.integer("source"), target: try options.integer("target"),
                                     algorithm: algorithm, sense: try options.sense())
    }
    try registry.register(
        "shortest-path.directed-grid",
        summary: "PyEPO's grid: arcs go east or south, top-left to bottom-right (5 × 5: 40 arcs); θ = arc costs",
        family: "shortest path",
        options: [
            SolverOption("rows", .integer, default: 5, meaning: "grid rows"),
            SolverOption("columns", .integer, default: 5, meaning: "grid columns"),
            .sense(default: .minimize),
        ]
    ) { (options) throws(SolverError) in
        try GraphShortestPath.directedGrid(rows: try options.integer("rows"), columns: try options.integer("columns"),
                                           sense: try options.sense())
    }
    try registry.register(
        "spanning-tree.kruskal", summary: "spanning tree of a complete graph (Kruskal); θ = edge weights (0,1), (0,2), …",
        family: "spanning tree",
        options: [SolverOption("vertices", .integer, meaning: "number of vertices of the complete graph"), .sense(default: .minimize)]
    ) { (options) throws(SolverError) in
        try SpanningTree.completeGraph(vertexCount: try options.integer("vertices"), sense: try options.sense())
    }
    try registry.register(
        "assignment.hungarian", summary: "assignment of rows to columns (Hungarian, O(n³)); θ = scores, row-major",
        family: "assignment",
        options: [
            SolverOption("rows", .integer, meaning: "rows of the score matrix"),
            SolverOption("columns", .integer, meaning: "columns of the score matrix"),
            .sense(),
        ]
    ) { (options) throws(SolverError) in
        try LinearAssignment(rows: try options.integer("rows"), columns: try options.integer("columns"),
                             sense: try options.sense())
    }
    try registry.register(
        "ranking", summary: "ranks of the scores (the sorting permutation); any length", family: "permutation",
        options: [.sense()]
    ) { (options) throws(SolverError) in
        Ranking(sense: try options.sense())
    }
    try registry.register(
        "block-top-k", summary: "a k-subset (k = 1: one-hot) in each block of consecutive entries", family: "subset selection",
        options: [
            SolverOption("block-size", .integer, meaning: "entries per block"),
            SolverOption("k", .integer, default: 1, meaning: "entries selected per block"),
            .sense(),
        ]
    ) { (options) throws(SolverError) in
        try BlockTopK(blockSize: try options.integer("block-size"), k: try options.integer("k"), sense: try options.sense())
    }
}
