import DifferentiableSolvers

/// A minimum (or maximum) weight spanning tree of an undirected graph given as an edge
/// list: the MAP oracle of the neural relational inference (NRI) experiment of the
/// adaptive-IMLE paper (Minervini et al., 2023).
///
/// θ holds one weight per edge, in the order of ``edges``; z is the 0/1 indicator of the
/// edges of an optimal spanning tree, whose weight is ⟨z, θ⟩. Weights may have any sign.
/// A disconnected graph is rejected at construction or solved as a spanning forest, as
/// ``DisconnectedGraphPolicy`` chooses.
///
/// Kruskal's algorithm draws edges in weight order (lightest first when minimising,
/// heaviest first when maximising) from a heap built in linear time, keeps each edge that
/// joins two components of a union-find forest (path halving, union by rank), and stops as
/// soon as the tree is complete, so on dense graphs it rarely looks at most edges.
///
/// **Tie-breaking.** Deterministic: among edges of equal weight the one with the smaller
/// index is drawn first, so it is the one kept when both cannot be.
///
/// ```swift
/// let solver = try SpanningTree.completeGraph(vertexCount: 4)   // 6 edges (0,1), (0,2) …
/// let z = try solver.solve(row: [1, 5, 2, 6, 3, 4])             // [1, 0, 1, 0, 0, 1]
/// ```
///
/// - Complexity: O(E + k log E) per instance, where k ≤ E is the number of edges drawn
///   before the tree is complete (O(E log E) in the worst case); no allocation per instance
///   after the workspace is made.
public struct SpanningTree: MAPSolver {
    /// Number of vertices, numbered `0 ..< vertexCount`.
    public let vertexCount: Int
    /// The undirected edges; edge `i` carries weight `θ[i]`.
    public let edges: [GraphEdge]
    /// `.minimize` for a minimum spanning tree, `.maximize` for a maximum one.
    public let sense: OptimizationSense
    /// What happens when the graph is disconnected.
    public let disconnectedGraphPolicy: DisconnectedGraphPolicy
    /// Number of connected components of the graph (1 when connected).
    public let componentCount: Int

    /// Creates a solver for spanning trees (or forests) of the graph with the given edges.
    ///
    /// - Parameters:
    ///   - vertexCount: number of vertices, at least 1.
    ///   - edges: the undirected edges, at least one; parallel edges are allowed, self-loops
    ///     are not.
    ///   - sense: `.minimize` (default) or `.maximize`.
    ///   - disconnectedGraphPolicy: `.reject` (default) or `.spanningForest`.
    /// - Throws: `SolverError` of kind `.invalidStructure` (empty graph, vertex out of range
    ///   or self-loop, with the edge index) or `.infeasible` (disconnected graph under
    ///   `.reject`, with a vertex not connected to vertex 0).
    /// - Complexity: O(V + E).
    public init(vertexCount: Int, edges: [GraphEdge], sense: OptimizationSense = .minimize,
                disconnectedGraphPolicy: DisconnectedGraphPolicy = .reject) throws(SolverError) {
        try InputChecks.requireValidEdges(edges, vertexCount: vertexCount, noun: "edge")
        guard edges.count < Int(UInt32.max) else {
            throw SolverError(.invalidStructure, "the graph has \(edges.count) edges; too many for this solver")
        }
        let (components, stranded) = Self.components(vertexCount: vertexCount, edges: edges)
        if components > 1 && disconnectedGraphPolicy == .reject {
            throw SolverError(.infeasible,
                              "the graph has \(components) connected components (vertex \(stranded) is not "
                              + "connected to vertex 0), so it has no spanning tree; "
                              + "pass disconnectedGraphPolicy: .spanningForest for a spanning forest",
                              index: stranded)
        }
        self.vertexCount = vertexCount
        self.edges = edges
        self.sense = sense
        self.disconnectedGraphPolicy = disconnectedGraphPolicy
        self.componentCount = components
    }

    /// One weight (and one indicator) per edge.
    public var variableCount: Int? { edges.count }

    /// Number of edges in every solution: V − C.
    public var treeEdgeCount: Int { vertexCount - componentCount }

    /// Allocates the edge heap and the union-find forest for one worker.
    public func makeWorkspace() -> SpanningTreeWorkspace {
        SpanningTreeWorkspace(vertexCount: vertexCount, edgeCount: edges.count)
    }

    /// Writes the 0/1 edge indicator of an optimal spanning tree (or forest).
    ///
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong length) or
    ///   `.nonFiniteParameter` (with the edge index).
    /// - Complexity: O(E + k log E), k ≤ E the number of edges drawn.
    public func solve(
        _ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout SpanningTreeWorkspace
    ) throws(SolverError) {
        try InputChecks.requireLength(theta, solution, edges.count)
        try InputChecks.requireFinite(theta)
        for i in 0..<solution.count { solution[i] = 0 }
        kruskal(theta, into: &solution, keyStorage: &workspace.keys,
                parentStorage: &workspace.parent, rankStorage: &workspace.rank)
    }

    private func kruskal(_ theta: borrowing Span<Float>, into solution: inout MutableSpan<Float>,
                         keyStorage: inout [UInt64], parentStorage: inout [Int32], rankStorage: inout [UInt8]) {
        var keys = keyStorage.mutableSpan
        var parent = parentStorage.mutableSpan
        var rank = rankStorage.mutableSpan
        let sign = sense == .minimize ? Float(1) : -1
        for e in theta.indices { keys[e] = PackedKey.make(sign * theta[e], e) }
        var heap = PackedKeyHeap()
        heap.heapify(count: theta.count, &keys)
        UnionFind.reset(&parent, &rank)
        var kept = 0
        while kept < treeEdgeCount {
            let edge = PackedKey.index(of: heap.popMin(&keys))
            if UnionFind.union(edges[edge].source, edges[edge].target, &parent, &rank) {
                solution[edge] = 1
                kept += 1
            }
        }
    }

    /// The number of connected components and, when there are several, a vertex outside
    /// the component of vertex 0.
    private static func components(vertexCount: Int, edges: [GraphEdge]) -> (count: Int, stranded: Int) {
        var parent = [Int32](repeating: 0, count: vertexCount)
        var rank = [UInt8](repeating: 0, count: vertexCount)
        var parentSpan = parent.mutableSpan, rankSpan = rank.mutableSpan
        UnionFind.reset(&parentSpan, &rankSpan)
        var count = vertexCount
        for edge in edges where UnionFind.union(edge.source, edge.target, &parentSpan, &rankSpan) { count -= 1 }
        let root = UnionFind.find(0, &parentSpan)
        let stranded = (0..<vertexCount).first { UnionFind.find($0, &parentSpan) != root } ?? 0
        return (count, stranded)
    }
}
