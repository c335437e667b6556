/// Scratch memory of one worker of ``GridShortestPath`` or ``GraphShortestPath``: the
/// priority queue, the tentative distances and the predecessor links, allocated once per
/// worker so that solving a row does not allocate.
///
/// You do not create it yourself: the solvers' `makeWorkspace()` does, and
/// `solveBatch(_:parallelism:)` hands one to each worker.
public struct ShortestPathWorkspace: Sendable {
    /// Storage of the lazy-deletion heap: one entry per possible push.
    var heapStorage: [UInt64]
    /// Tentative distance of each vertex (+∞ until reached).
    var distance: [Float]
    /// The predecessor vertex (grid) or the incoming arc (graph) on the best path found.
    var predecessor: [Int32]
    /// Grid only: the cell weights inside a border of +∞ cells, so that every cell has all
    /// its neighbours and the search needs no bounds tests.
    var paddedWeights: [Float]

    init(vertexCount: Int, heapCapacity: Int, paddedWeightCount: Int = 0) {
        paddedWeights = [Float](repeating: .infinity, count: paddedWeightCount)
        heapStorage = [UInt64](repeating: 0, count: heapCapacity)
        distance = [Float](repeating: .infinity, count: vertexCount)
        predecessor = [Int32](repeating: -1, count: vertexCount)
    }
}
