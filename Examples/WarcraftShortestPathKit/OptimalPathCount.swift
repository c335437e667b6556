/// How many cheapest paths a map has: with tile costs from a set of five values, many maps
/// have several equally cheap paths, and the label is only one of them. A network trained
/// with the Hamming loss against that one is asked to reproduce the solver's tie-breaking.
public enum OptimalPathCount {
    /// The number of cheapest top-left to bottom-right paths on an H × H grid of vertex
    /// costs, 8-connected, a path's cost being the sum of the costs of the tiles it visits
    /// (the convention of ``WarcraftDataset`` labels); costs within a relative 10⁻⁶ tie.
    ///
    /// Dijkstra's algorithm that also sums, for every tile, the counts of the tiles it is
    /// cheapest to come from. Counts are Doubles (they can exceed 2⁶⁴ on large grids).
    ///
    /// - Precondition: `costs.count == gridSize * gridSize`, costs positive and finite.
    /// - Complexity: O(H² log H).
    public static func count(costs: some Collection<Float>, gridSize: Int) -> Double {
        let costs = costs.map(Double.init), n = gridSize * gridSize
        guard gridSize >= 1, costs.count == n else { return 0 }
        var distance = [Double](repeating: .infinity, count: n)
        var paths = [Double](repeating: 0, count: n)
        var settled = [Bool](repeating: false, count: n)
        distance[0] = costs[0]
        paths[0] = 1
        var queue = MinimumHeap()
        queue.push(costs[0], 0)
        func tied(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(abs(a), abs(b)) }
        while let cell = queue.pop() {
            if settled[cell] { continue }
            settled[cell] = true
            let row = cell / gridSize, column = cell % gridSize
            for dr in -1...1 {
                for dc in -1...1 where dr != 0 || dc != 0 {
                    let r = row + dr, c = column + dc
                    guard r >= 0, r < gridSize, c >= 0, c < gridSize else { continue }
                    let neighbour = r * gridSize + c
                    guard !settled[neighbour] else { continue }
                    let candidate = distance[cell] + costs[neighbour]
                    if distance[neighbour].isFinite, tied(candidate, distance[neighbour]) {
                        paths[neighbour] += paths[cell]
                    } else if candidate < distance[neighbour] {
                        distance[neighbour] = candidate
                        paths[neighbour] = paths[cell]
                        queue.push(candidate, neighbour)
                    }
                }
            }
        }
        return paths[n - 1]
    }

    /// The share of instances of `data` whose cheapest path is unique.
    public static func uniqueShare(_ data: WarcraftDataset) -> Double {
        guard data.count > 0 else { return 0 }
        let unique = (0..<data.count).filter { count(costs: data.weights($0), gridSize: data.gridSize) == 1 }.count
        return Double(unique) / Double(data.count)
    }
}

/// A binary min-heap of (key, cell) pairs for ``OptimalPathCount``.
private struct MinimumHeap {
    private var entries: [(key: Double, cell: Int)] = []

    mutating func push(_ key: Double, _ cell: Int) {
        entries.append((key, cell))
        var child = entries.count - 1
        while child > 0, entries[(child - 1) / 2].key > entries[child].key {
            entries.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    /// Removes and returns the cell of the smallest key.
    mutating func pop() -> Int? {
        guard let top = entries.first else { return nil }
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].key < entries[smallest].key { smallest = left }
            if right < entries.count, entries[right].key < entries[smallest].key { smallest = right }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return top.cell
    }
}
