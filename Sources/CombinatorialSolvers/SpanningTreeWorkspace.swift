/// Scratch memory of one worker of ``SpanningTree``: the edge keys Kruskal's algorithm
/// draws in weight order and the union-find forest, allocated once per worker.
///
/// You do not create it yourself: ``SpanningTree/makeWorkspace()`` does, and
/// `solveBatch(_:parallelism:)` hands one to each worker.
public struct SpanningTreeWorkspace: Sendable {
    /// One packed (weight, edge) key per edge, arranged as a heap.
    var keys: [UInt64]
    /// Union-find parent of each vertex.
    var parent: [Int32]
    /// Union-find rank of each vertex.
    var rank: [UInt8]

    init(vertexCount: Int, edgeCount: Int) {
        keys = [UInt64](repeating: 0, count: edgeCount)
        parent = [Int32](repeating: 0, count: vertexCount)
        rank = [UInt8](repeating: 0, count: vertexCount)
    }
}
