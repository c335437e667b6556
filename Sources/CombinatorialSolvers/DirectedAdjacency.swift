import DifferentiableSolvers

/// The outgoing arcs of every vertex of a directed graph in compressed form, with the
/// structural queries the path solvers need at construction: reachability and a
/// topological order.
///
/// The arcs leaving `v` are `arcIndices[start[v] ..< start[v + 1]]`, in increasing arc index.
struct DirectedAdjacency: Sendable {
    let vertexCount: Int
    /// Offsets into ``arcIndices``, `vertexCount + 1` of them.
    let start: [Int32]
    /// Arc indices grouped by tail vertex.
    let arcIndices: [Int32]
    /// Head vertex of each arc, by arc index.
    let heads: [Int32]
    /// Tail vertex of each arc, by arc index.
    let tails: [Int32]

    init(vertexCount: Int, arcs: [GraphEdge]) {
        self.vertexCount = vertexCount
        var degree = [Int32](repeating: 0, count: vertexCount + 1)
        for arc in arcs { degree[arc.source + 1] += 1 }
        for v in 0..<vertexCount { degree[v + 1] += degree[v] }
        var fill = degree
        var grouped = [Int32](repeating: 0, count: arcs.count)
        for (index, arc) in arcs.enumerated() {
            grouped[Int(fill[arc.source])] = Int32(index)
            fill[arc.source] += 1
        }
        start = degree
        arcIndices = grouped
        heads = arcs.map { Int32($0.target) }
        tails = arcs.map { Int32($0.source) }
    }

    /// The arcs leaving `vertex`.
    func outgoing(_ vertex: Int) -> ArraySlice<Int32> {
        arcIndices[Int(start[vertex]) ..< Int(start[vertex + 1])]
    }

    /// Whether a directed path leads from `source` to `target`.
    func reaches(_ target: Int, from source: Int) -> Bool {
        var seen = [Bool](repeating: false, count: vertexCount)
        var stack = [source]
        seen[source] = true
        while let vertex = stack.popLast() {
            if vertex == target { return true }
            for arc in outgoing(vertex) where !seen[Int(heads[Int(arc)])] {
                seen[Int(heads[Int(arc)])] = true
                stack.append(Int(heads[Int(arc)]))
            }
        }
        return false
    }

    /// A topological order (Kahn's algorithm, always taking the smallest ready vertex, so
    /// the order is unique), or a `.invalidStructure` error naming an arc on a cycle.
    func topologicalOrder() throws(SolverError) -> [Int32] {
        var indegree = [Int](repeating: 0, count: vertexCount)
        for head in heads { indegree[Int(head)] += 1 }
        var ready = [UInt64](repeating: 0, count: vertexCount)
        var readyCount = 0
        for v in 0..<vertexCount where indegree[v] == 0 { ready[readyCount] = UInt64(v); readyCount += 1 }
        var storage = ready.mutableSpan
        var heap = PackedKeyHeap()
        heap.heapify(count: readyCount, &storage)
        var order: [Int32] = []
        order.reserveCapacity(vertexCount)
        while !heap.isEmpty {
            let vertex = Int(heap.popMin(&storage))
            order.append(Int32(vertex))
            for arc in outgoing(vertex) {
                let head = Int(heads[Int(arc)])
                indegree[head] -= 1
                if indegree[head] == 0 { heap.push(UInt64(head), &storage) }
            }
        }
        guard order.count == vertexCount else {
            let arc = arcOnCycle(leftOver: indegree.map { $0 > 0 })
            throw SolverError(.invalidStructure,
                              "arc \(arc) lies on a directed cycle; the acyclic algorithm needs a DAG",
                              index: arc)
        }
        return order
    }

    /// An arc on a directed cycle among the vertices Kahn's algorithm left over. Each of
    /// them has an incoming arc from another left-over vertex, so walking such arcs
    /// backwards must repeat a vertex; the arc into it closes a cycle.
    private func arcOnCycle(leftOver: [Bool]) -> Int {
        var arcInto = [Int](repeating: -1, count: vertexCount)
        for arc in heads.indices where leftOver[Int(tails[arc])] && leftOver[Int(heads[arc])] {
            if arcInto[Int(heads[arc])] < 0 { arcInto[Int(heads[arc])] = arc }
        }
        guard var vertex = leftOver.firstIndex(of: true) else { return 0 }
        var visited = [Bool](repeating: false, count: vertexCount)
        while !visited[vertex] {
            visited[vertex] = true
            vertex = Int(tails[arcInto[vertex]])
        }
        return arcInto[vertex]
    }
}
