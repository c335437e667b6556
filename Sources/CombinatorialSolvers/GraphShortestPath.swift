import DifferentiableSolvers

/// The cheapest (or, in a DAG, the dearest) path between two vertices of a directed graph
/// given as an arc list: the MAP oracle of PyEPO's shortest-path benchmark.
///
/// θ holds one cost per arc, in the order of ``arcs``; z is the 0/1 indicator of the arcs
/// on an optimal path from ``source`` to ``target``, so the path cost is ⟨z, θ⟩. When the
/// source is the target, the optimal path is empty and z is all zeros.
///
/// Two algorithms (see ``Algorithm``):
/// * `.dijkstra` for any directed graph with non-negative costs (a negative cost is an error
///   of kind `.parameterOutOfDomain` naming the arc); minimisation only.
/// * `.acyclic` for directed acyclic graphs, by dynamic programming in topological order:
///   costs of any sign, and `.maximize` gives the longest path.
///
/// The structure is checked once, at construction: vertices out of range, self-loops,
/// a cycle in `.acyclic` mode (`.invalidStructure`, with the arc index), a target that no
/// path reaches (`.infeasible`), `.maximize` with `.dijkstra` (`.invalidOption`).
///
/// **Tie-breaking.** Deterministic. Dijkstra settles vertices in increasing order of
/// `(distance, vertex)`; the acyclic algorithm visits vertices in the topological order that
/// always takes the smallest ready vertex. Both scan a vertex's outgoing arcs in increasing
/// arc index, and a vertex keeps the first incoming arc that gives its final distance (later
/// offers must be strictly better).
///
/// ```swift
/// let solver = try GraphShortestPath(vertexCount: 3,
///                                    arcs: [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(0, 2)],
///                                    source: 0, target: 2)
/// try solver.solve(row: [1, 1, 3])   // [1, 1, 0]: 0 → 1 → 2 costs 2 < 3
/// let pyepo = try GraphShortestPath.directedGrid(rows: 5, columns: 5)   // 40 arcs
/// ```
///
/// - Complexity: `.dijkstra` O((V + E) log E) per instance, `.acyclic` O(V + E), for V
///   vertices and E arcs; no allocation per instance after the workspace is made.
public struct GraphShortestPath: MAPSolver {
    /// Number of vertices, numbered `0 ..< vertexCount`.
    public let vertexCount: Int
    /// The arcs; arc `i` carries cost `θ[i]`.
    public let arcs: [GraphEdge]
    /// The first vertex of every path.
    public let source: Int
    /// The last vertex of every path.
    public let target: Int
    /// How the solver searches.
    public let algorithm: Algorithm
    /// `.minimize` (shortest path) or, with `.acyclic` only, `.maximize` (longest path).
    public let sense: OptimizationSense

    let adjacency: DirectedAdjacency
    /// Vertices in topological order (empty for `.dijkstra`).
    let topologicalOrder: [Int32]
    /// The DAG search's visiting order, laid out for the scan (empty for `.dijkstra`).
    let scan: AcyclicScan

    /// Creates a solver for paths from `source` to `target` along `arcs`.
    ///
    /// - Parameters:
    ///   - vertexCount: number of vertices, at least 1.
    ///   - arcs: the arcs, at least one; parallel arcs are allowed, self-loops are not.
    ///   - source: the first vertex of the path.
    ///   - target: the last vertex of the path.
    ///   - algorithm: `.dijkstra` (default) or `.acyclic`.
    ///   - sense: `.minimize` (default), or `.maximize` with `.acyclic`.
    /// - Throws: `SolverError` of kind `.invalidStructure` (empty graph, vertex out of
    ///   range, self-loop, cycle in `.acyclic` mode — `index` names the arc, or the vertex
    ///   for a bad source or target), `.infeasible` (no path from source to target, `index`
    ///   is the target) or `.invalidOption` (maximising with Dijkstra).
    /// - Complexity: O(V + E log V).
    public init(vertexCount: Int, arcs: [GraphEdge], source: Int, target: Int,
                algorithm: Algorithm = .dijkstra, sense: OptimizationSense = .minimize) throws(SolverError) {
        guard vertexCount < Int(Int32.max) else {
            throw SolverError(.invalidStructure, "the graph has \(vertexCount) vertices; too many for this solver")
        }
        try InputChecks.requireValidEdges(arcs, vertexCount: vertexCount, noun: "arc")
        try InputChecks.requireVertex(source, vertexCount: vertexCount, role: "source")
        try InputChecks.requireVertex(target, vertexCount: vertexCount, role: "target")
        guard arcs.count < Int(Int32.max) else {
            throw SolverError(.invalidStructure, "the graph has \(arcs.count) arcs; too many for this solver")
        }
        if algorithm == .dijkstra && sense == .maximize {
            throw SolverError(.invalidOption,
                              "Dijkstra cannot maximise (longest paths are NP-hard in general graphs); "
                              + "use algorithm: .acyclic for longest paths in a DAG")
        }
        let adjacency = DirectedAdjacency(vertexCount: vertexCount, arcs: arcs)
        let order = algorithm == .acyclic ? try adjacency.topologicalOrder() : []
        guard adjacency.reaches(target, from: source) else {
            throw SolverError(.infeasible, "no directed path leads from vertex \(source) to vertex \(target)",
                              index: target)
        }
        self.vertexCount = vertexCount
        self.arcs = arcs
        self.source = source
        self.target = target
        self.algorithm = algorithm
        self.sense = sense
        self.adjacency = adjacency
        self.topologicalOrder = order
        self.scan = algorithm == .acyclic
            ? AcyclicScan(adjacency: adjacency, order: order, source: source, target: target) : .empty
    }

    /// One cost (and one indicator) per arc.
    public var variableCount: Int? { arcs.count }

    /// Allocates the heap, distances and predecessor arcs for one worker.
    public func makeWorkspace() -> ShortestPathWorkspace {
        ShortestPathWorkspace(vertexCount: vertexCount, heapCapacity: algorithm == .dijkstra ? arcs.count + 1 : 0)
    }

    /// Writes the 0/1 arc indicator of an optimal source–target path.
    ///
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong length),
    ///   `.nonFiniteParameter`, or `.parameterOutOfDomain` (a negative cost with Dijkstra,
    ///   with the arc index, or a path cost that overflows `Float`).
    /// - Complexity: O((V + E) log E) with Dijkstra, O(V + E) in a DAG.
    public func solve(
        _ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout ShortestPathWorkspace
    ) throws(SolverError) {
        try InputChecks.requireLength(theta, solution, arcs.count)
        switch algorithm {
        case .dijkstra:
            try InputChecks.requireFiniteNonNegative(theta, what: "arc cost")
            dijkstra(theta, heapStorage: &workspace.heapStorage,
                     distanceStorage: &workspace.distance, predecessorStorage: &workspace.predecessor)
        case .acyclic:
            try InputChecks.requireFinite(theta)
            acyclicSearch(theta, distanceStorage: &workspace.distance, predecessorStorage: &workspace.predecessor)
        }
        try InputChecks.requireFiniteOptimum(workspace.distance[target])
        for i in 0..<solution.count { solution[i] = 0 }
        var vertex = target
        while vertex != source {
            let arc = Int(workspace.predecessor[vertex])
            solution[arc] = 1
            vertex = Int(adjacency.tails[arc])
        }
    }
}
