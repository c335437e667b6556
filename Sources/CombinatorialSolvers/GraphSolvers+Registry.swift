import DifferentiableSolvers
import SolverRegistry

/// Registers the graph and permutation solvers of this module: `shortest-path.grid`,
/// `shortest-path.graph`, `shortest-path.directed-grid`, `spanning-tree.kruskal`,
/// `assignment.hungarian`, `ranking` and `block-top-k`.
///
/// - Throws: `RegistryError` of kind `.duplicateName` when one of the names is taken.
func registerGraphSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "shortest-path.grid",
        summary: "vertex-weighted grid path from the top-left to the bottom-right cell (Warcraft); θ = cell costs ≥ 0",
        family: "shortest path", options: GridPathOptions.self, parameters: { _ in .nonNegative }
    ) { (options) throws(SolverError) in
        try GridShortestPath(height: options.height, width: options.width,
                             connectivity: try GridConnectivity.option(options.connectivity))
    }
    try registry.register(
        "shortest-path.graph", summary: "s–t path in a directed graph given as arcs; θ = arc costs",
        family: "shortest path", options: GraphPathOptions.self,
        parameters: { (solver: GraphShortestPath) in solver.algorithm == .dijkstra ? .nonNegative : .unrestricted }
    ) { (options) throws(SolverError) in
        let arcs = try options.arcs.flattenedPairs(option: "arcs").map { GraphEdge($0.0, $0.1) }
        return try GraphShortestPath(vertexCount: options.vertices, arcs: arcs, source: options.source, target: options.target,
                                     algorithm: options.algorithm, sense: options.sense)
    }
    try registry.register(
        "shortest-path.directed-grid",
        summary: "PyEPO's grid: arcs go east or south, top-left to bottom-right (5 × 5: 40 arcs); θ = arc costs",
        family: "shortest path", options: DirectedGridOptions.self
    ) { (options) throws(SolverError) in
        try GraphShortestPath.directedGrid(rows: options.rows, columns: options.columns, sense: options.sense)
    }
    try registry.register(
        "spanning-tree.kruskal", summary: "spanning tree of a complete graph (Kruskal); θ = edge weights (0,1), (0,2), …",
        family: "spanning tree", options: SpanningTreeOptions.self
    ) { (options) throws(SolverError) in
        try SpanningTree.completeGraph(vertexCount: options.vertices, sense: options.sense)
    }
    try registry.register(
        "assignment.hungarian", summary: "assignment of rows to columns (Hungarian, O(n³)); θ = scores, row-major",
        family: "assignment", options: AssignmentOptions.self
    ) { (options) throws(SolverError) in
        try LinearAssignment(rows: options.rows, columns: options.columns, sense: options.sense)
    }
    try registry.register(
        "ranking", summary: "ranks of the scores (the sorting permutation); any length", family: "permutation",
        options: SenseOption.self
    ) { (options) throws(SolverError) in
        Ranking(sense: options.sense)
    }
    try registry.register(
        "block-top-k", summary: "a k-subset (k = 1: one-hot) in each block of consecutive entries", family: "subset selection",
        options: BlockTopKOptions.self
    ) { (options) throws(SolverError) in
        try BlockTopK(blockSize: options.blockSize, k: options.k, sense: options.sense)
    }
}

/// `shortest-path.grid`'s options.
struct GridPathOptions: SolverOptionSet {
    @SolverOption(meaning: "grid rows") var height: Int
    @SolverOption(meaning: "grid columns") var width: Int
    @SolverOption(meaning: "4 or 8 neighbours") var connectivity = 8
}

/// `shortest-path.graph`'s options.
struct GraphPathOptions: SolverOptionSet {
    @SolverOption(meaning: "number of vertices") var vertices: Int
    @SolverOption(meaning: "arcs as flattened pairs [u₀, v₀, u₁, v₁, …]") var arcs: [Int]
    @SolverOption(meaning: "source vertex") var source: Int
    @SolverOption(meaning: "target vertex") var target: Int
    @SolverOption(meaning: "dijkstra (costs ≥ 0) or acyclic (a DAG, any costs)") var algorithm = GraphShortestPath.Algorithm.dijkstra
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.minimize
}

extension GraphShortestPath.Algorithm: SolverOptionChoice {}

/// `shortest-path.directed-grid`'s options.
struct DirectedGridOptions: SolverOptionSet {
    @SolverOption(meaning: "grid rows") var rows = 5
    @SolverOption(meaning: "grid columns") var columns = 5
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.minimize
}

/// `spanning-tree.kruskal`'s options.
struct SpanningTreeOptions: SolverOptionSet {
    @SolverOption(meaning: "number of vertices of the complete graph") var vertices: Int
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.minimize
}

/// `assignment.hungarian`'s options.
struct AssignmentOptions: SolverOptionSet {
    @SolverOption(meaning: "rows of the score matrix") var rows: Int
    @SolverOption(meaning: "columns of the score matrix") var columns: Int
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}

/// `block-top-k`'s options.
struct BlockTopKOptions: SolverOptionSet {
    @SolverOption(meaning: "entries per block") var blockSize: Int
    @SolverOption(meaning: "entries selected per block") var k = 1
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}
