/// What the DAG search of ``GraphShortestPath`` relaxes, laid out once at construction: the
/// outgoing arcs of the vertices from the source up to (not including) the target, vertex
/// by vertex in topological order and each vertex's arcs in increasing index, as one flat
/// list of (tail, arc, head), so that a solve is a single pass over it.
///
/// No test for unreached tails is needed: θ is finite, so an offer from a vertex still at
/// ±∞ is ±∞ and never strictly better than anything.
struct AcyclicScan: Sendable {
    /// One arc to relax.
    struct Entry: Sendable {
        /// The vertex the arc leaves.
        let tail: Int32
        /// The arc's index (its entry of θ).
        let arc: Int32
        /// The vertex the arc enters.
        let head: Int32
    }

    /// The arcs, in relaxation order.
    let entries: [Entry]

    /// Nothing to relax (Dijkstra mode).
    static let empty = AcyclicScan(entries: [])

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// The relaxations of the vertices of `order` from `source` until `target`.
    init(adjacency: DirectedAdjacency, order: [Int32], source: Int, target: Int) {
        var entries: [Entry] = []
        if let first = order.firstIndex(of: Int32(source)) {
            for vertex in order[first...].lazy.map(Int.init) {
                if vertex == target { break }
                for arc in adjacency.outgoing(vertex) {
                    entries.append(Entry(tail: Int32(vertex), arc: arc, head: adjacency.heads[Int(arc)]))
                }
            }
        }
        self.init(entries: entries)
    }
}
