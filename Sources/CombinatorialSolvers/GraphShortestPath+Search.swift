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
    /// vertex on its best path in `predecessorStorage`. θ must be finite (`solve` checks).
    func acyclicSearch(_ theta: borrowing Span<Float>,
                       distanceStorage: inout [Float], predecessorStorage: inout [Int32]) {
        // The workspace may come from another solver: its sizes are checked once, so that the
        // scan itself can run on unchecked pointers.
        precondition(distanceStorage.count >= vertexCount && predecessorStorage.count >= vertexCount
                     && theta.count >= arcs.count, "the workspace does not fit this graph")
        if sense == .maximize {
            acyclicScan(theta, &distanceStorage, &predecessorStorage, unreached: -.infinity, better: >)
        } else {
            acyclicScan(theta, &distanceStorage, &predecessorStorage, unreached: .infinity, better: <)
        }
    }

    /// ``acyclicSearch(_:distanceStorage:predecessorStorage:)`` for one sense: `better(a, b)`
    /// says that distance a beats b. One pass over the precomputed ``AcyclicScan``.
    @inline(__always)
    private func acyclicScan(_ theta: borrowing Span<Float>, _ distanceStorage: inout [Float],
                             _ predecessorStorage: inout [Int32], unreached: Float,
                             better: (Float, Float) -> Bool) {
        theta.withUnsafeBufferPointer { theta in
            distanceStorage.withUnsafeMutableBufferPointer { distance in
                predecessorStorage.withUnsafeMutableBufferPointer { predecessor in
                    scan.entries.withUnsafeBufferPointer { entries in
                        for v in 0..<vertexCount { distance[v] = unreached }
                        distance[source] = 0
                        for entry in entries {
                            let head = Int(entry.head)
                            let offer = distance[Int(entry.tail)] + theta[Int(entry.arc)]
                            if better(offer, distance[head]) {
                                distance[head] = offer
                                predecessor[head] = entry.arc
                            }
                        }
                    }
                }
            }
        }
    }
}
