extension GraphShortestPath {
    /// Dijkstra from the source with a lazy-deletion heap of (distance, vertex) keys,
    /// stopping when the target is settled; leaves the incoming arc of each vertex on its
    /// best path in `predecessorStorage`. Costs are non-negative and the target reachable.
    func dijkstra(_ theta: borrowing Span<Float>, heapStorage: inout [UInt64],
                  distanceStorage: inout [Float], predecessorStorage: inout [Int32]) {
        var storage = heapStorage.mutableSpan
        var distance = distanceStorage.mutableSpan
        var predecessor = predecessorStorage.mutableSpan
        let start = adjacency.start.span, grouped = adjacency.arcIndices.span, heads = adjacency.heads.span

        for v in distance.indices { distance[v] = .infinity }
        var heap = PackedKeyHeap()
        distance[source] = 0
        heap.push(PackedKey.make(0, source), &storage)
        while !heap.isEmpty {
            let key = heap.popMin(&storage)
            let vertex = PackedKey.index(of: key)
            let reached = distance[vertex]
            // Outdated entry: the vertex was pushed again with a smaller distance.
            guard key >> 32 == UInt64(PackedKey.orderedBits(reached)) else { continue }
            if vertex == target { break }
            for k in Int(start[vertex]) ..< Int(start[vertex + 1]) {
                let arc = Int(grouped[k])
                let head = Int(heads[arc])
                let offer = reached + theta[arc]
                // Settled vertices are never improved: costs are non-negative.
                if offer < distance[head] {
                    distance[head] = offer
                    predecessor[head] = Int32(truncatingIfNeeded: arc)
                    heap.push(PackedKey.make(offer, head), &storage)
                }
            }
        }
    }

    /// Dynamic programming over the vertices in topological order from the source to the
    /// target, minimising or maximising per ``sense``; leaves the incoming arc of each
    /// vertex on its best path in `predecessorStorage`.
    func acyclicSearch(_ theta: borrowing Span<Float>,
                       distanceStorage: inout [Float], predecessorStorage: inout [Int32]) {
        var distance = distanceStorage.mutableSpan
        var predecessor = predecessorStorage.mutableSpan
        let start = adjacency.start.span, grouped = adjacency.arcIndices.span, heads = adjacency.heads.span
        let order = topologicalOrder.span
        let maximizing = sense == .maximize
        let unreached: Float = maximizing ? -.infinity : .infinity

        for v in distance.indices { distance[v] = unreached }
        distance[source] = 0
        var position = 0
        while Int(order[position]) != source { position += 1 }
        while position < order.count {
            let vertex = Int(order[position])
            position += 1
            if vertex == target { break }
            let reached = distance[vertex]
            if reached == unreached { continue }
            for k in Int(start[vertex]) ..< Int(start[vertex + 1]) {
                let arc = Int(grouped[k])
                let head = Int(heads[arc])
                let offer = reached + theta[arc]
                if maximizing ? offer > distance[head] : offer < distance[head] {
                    distance[head] = offer
                    predecessor[head] = Int32(truncatingIfNeeded: arc)
                }
            }
        }
    }
}
