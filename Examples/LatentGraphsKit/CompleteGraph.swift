import _ExampleSupport
/// The edge bookkeeping of the complete graph on n vertices: undirected edges in the order
/// of `SpanningTree.completeGraph` (θ entry `e` is edge `undirected[e]`), and the directed
/// edges the decoder sends messages along, grouped by receiver.
///
/// Directed edge `d = i · (n − 1) + k` has receiver `i` and sender the `k`-th other vertex
/// (`k` for `k < i`, `k + 1` otherwise), so a tensor of per-directed-edge values shaped
/// [n, n − 1] has one row per receiver.
///
/// ```swift
/// let graph = try CompleteGraph(vertexCount: 10)
/// graph.edgeCount                       // 45
/// graph.edgeIndex(2, 5)                 // θ entry of edge {2, 5}
/// ```
public struct CompleteGraph: Sendable, Hashable {
    /// The number of vertices n.
    public let vertexCount: Int
    /// The undirected edges (i, j), i < j, in lexicographic order.
    public let undirected: [Pair]
    /// For every directed edge, its receiver, sender and undirected edge index.
    public let directed: [DirectedEdge]

    /// A vertex pair.
    public struct Pair: Sendable, Hashable {
        /// The smaller vertex.
        public let first: Int
        /// The larger vertex.
        public let second: Int
    }

    /// A directed edge, sender → receiver, and the undirected edge it belongs to.
    public struct DirectedEdge: Sendable, Hashable {
        /// The vertex that receives the message.
        public let receiver: Int
        /// The vertex that sends it.
        public let sender: Int
        /// The index of {receiver, sender} among the undirected edges.
        public let edge: Int
    }

    /// The complete graph on `vertexCount` vertices.
    ///
    /// - Throws: ``ExampleError`` for fewer than 2 vertices.
    public init(vertexCount: Int) throws(ExampleError) {
        guard vertexCount >= 2 else {
            throw ExampleError("a complete graph needs at least 2 vertices (got \(vertexCount))")
        }
        self.vertexCount = vertexCount
        var pairs: [Pair] = []
        for i in 0..<vertexCount {
            for j in (i + 1)..<vertexCount { pairs.append(Pair(first: i, second: j)) }
        }
        undirected = pairs
        var directedEdges: [DirectedEdge] = []
        for receiver in 0..<vertexCount {
            for k in 0..<(vertexCount - 1) {
                let sender = k < receiver ? k : k + 1
                directedEdges.append(DirectedEdge(receiver: receiver, sender: sender,
                                                  edge: Self.index(receiver, sender, vertexCount)))
            }
        }
        directed = directedEdges
    }

    /// The number of undirected edges, n(n − 1)/2.
    public var edgeCount: Int { undirected.count }

    /// The number of directed edges, n(n − 1).
    public var directedCount: Int { directed.count }

    /// The index of the undirected edge {a, b}, a ≠ b.
    public func edgeIndex(_ a: Int, _ b: Int) -> Int { Self.index(a, b, vertexCount) }

    static func index(_ a: Int, _ b: Int, _ n: Int) -> Int {
        let i = min(a, b), j = max(a, b)
        return i * n - i * (i + 1) / 2 + (j - i - 1)
    }

    /// The 0/1 adjacency matrix (n × n, row-major) of the edges whose indicator is > 0.5.
    public func adjacency(of indicator: ArraySlice<Float>) -> [Bool] {
        var adjacency = [Bool](repeating: false, count: vertexCount * vertexCount)
        for (e, value) in zip(undirected.indices, indicator) where value > 0.5 {
            let pair = undirected[e]
            adjacency[pair.first * vertexCount + pair.second] = true
            adjacency[pair.second * vertexCount + pair.first] = true
        }
        return adjacency
    }
}
