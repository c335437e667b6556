/// An edge of a graph given by its two end vertices, numbered from 0.
///
/// For directed graphs (``GraphShortestPath``) the edge is the arc `source → target`; for
/// undirected graphs (``SpanningTree``) the order of the two ends does not matter.
///
/// ```swift
/// let arcs = [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(0, 2)]
/// ```
public struct GraphEdge: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tail of the arc (one end of an undirected edge).
    public var source: Int
    /// The head of the arc (the other end of an undirected edge).
    public var target: Int

    /// Creates the edge `source → target` (or `{source, target}` in an undirected graph).
    public init(_ source: Int, _ target: Int) {
        self.source = source
        self.target = target
    }

    /// Whether both ends are the same vertex.
    public var isSelfLoop: Bool { source == target }

    /// "(source, target)".
    public var description: String { "(\(source), \(target))" }
}
