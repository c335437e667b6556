/// Brute-force enumeration of the feasible sets of graph problems (paths, spanning trees)
/// on small graphs, for comparing solvers with ``BruteForce/optimum(of:over:sense:tolerance:)``.
///
/// Graphs are given with plain integer pairs so that this target needs no solver module.
/// Every function returns each feasible state once, as a `[Float]` 0/1 vector.
///
/// ```swift
/// let masks = GraphEnumeration.simplePathVertexMasks(
///     adjacency: GraphEnumeration.gridAdjacency(height: 3, width: 3, diagonals: true), from: 0, to: 8)
/// let best = BruteForce.optimum(of: weights, over: masks, sense: .minimize)
/// ```
public enum GraphEnumeration {
    /// Adjacency lists of an H × W grid (cells row-major), 4-connected, or 8-connected when
    /// `diagonals` is true.
    public static func gridAdjacency(height: Int, width: Int, diagonals: Bool) -> [[Int]] {
        var adjacency = [[Int]](repeating: [], count: height * width)
        for r in 0..<height {
            for c in 0..<width {
                for dr in -1...1 {
                    for dc in -1...1 where (dr, dc) != (0, 0) && (diagonals || dr == 0 || dc == 0) {
                        let rr = r + dr, cc = c + dc
                        if (0..<height).contains(rr) && (0..<width).contains(cc) {
                            adjacency[r * width + c].append(rr * width + cc)
                        }
                    }
                }
            }
        }
        return adjacency
    }

    /// The distinct vertex sets of all simple paths from `source` to `target` in a graph
    /// given by adjacency lists, as 0/1 masks over the vertices (both ends included).
    public static func simplePathVertexMasks(adjacency: [[Int]], from source: Int, to target: Int) -> [[Float]] {
        var masks = Set<[Float]>()
        var mask = [Float](repeating: 0, count: adjacency.count)
        func extend(_ vertex: Int) {
            mask[vertex] = 1
            defer { mask[vertex] = 0 }
            if vertex == target { masks.insert(mask); return }
            for next in adjacency[vertex] where mask[next] == 0 { extend(next) }
        }
        extend(source)
        return masks.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// All simple directed paths from `source` to `target` along `arcs` (pairs
    /// `(tail, head)`), as 0/1 indicators over the arcs. The empty path when
    /// `source == target`.
    public static func simplePathArcIndicators(vertexCount: Int, arcs: [(Int, Int)],
                                               from source: Int, to target: Int) -> [[Float]] {
        var result: [[Float]] = []
        var indicator = [Float](repeating: 0, count: arcs.count)
        var onPath = [Bool](repeating: false, count: vertexCount)
        func extend(_ vertex: Int) {
            if vertex == target { result.append(indicator); return }
            onPath[vertex] = true
            defer { onPath[vertex] = false }
            for (index, arc) in arcs.enumerated() where arc.0 == vertex && !onPath[arc.1] {
                indicator[index] = 1
                extend(arc.1)
                indicator[index] = 0
            }
        }
        extend(source)
        return result
    }

    /// Number of connected components of an undirected graph.
    public static func componentCount(vertexCount: Int, edges: [(Int, Int)]) -> Int {
        var label = Array(0..<vertexCount)
        // Repeated relabelling: slow but obviously correct on small graphs.
        var changed = true
        while changed {
            changed = false
            for (a, b) in edges where label[a] != label[b] {
                let low = min(label[a], label[b])
                label[a] = low; label[b] = low
                changed = true
            }
        }
        return Set(label).count
    }

    /// Whether the chosen edges contain no cycle (checked by repeatedly deleting leaves).
    public static func isForest(vertexCount: Int, edges: [(Int, Int)], chosen: [Float]) -> Bool {
        var remaining = zip(edges, chosen).filter { $0.1 != 0 }.map(\.0)
        while true {
            var degree = [Int](repeating: 0, count: vertexCount)
            for (a, b) in remaining { degree[a] += 1; degree[b] += 1 }
            let before = remaining.count
            remaining.removeAll { degree[$0.0] == 1 || degree[$0.1] == 1 }
            if remaining.isEmpty { return true }
            if remaining.count == before { return false }
        }
    }

    /// Every spanning forest with as many edges as possible (V − C for C components), that is
    /// every spanning tree when the graph is connected, as 0/1 indicators over `edges`.
    public static func maximalSpanningForests(vertexCount: Int, edges: [(Int, Int)]) -> [[Float]] {
        let size = vertexCount - componentCount(vertexCount: vertexCount, edges: edges)
        precondition(edges.count <= 24, "too many edge subsets to enumerate")
        var result: [[Float]] = []
        for subset in BruteForce.binaryVectors(length: edges.count, where: { $0.reduce(0, +) == Float(size) })
        where isForest(vertexCount: vertexCount, edges: edges, chosen: subset) {
            result.append(subset)
        }
        return result
    }

    /// Whether the 0/1 arc indicator `chosen` is exactly one simple directed path from
    /// `source` to `target` (no arcs when they coincide).
    public static func isSimplePath(arcs: [(Int, Int)], chosen: [Float], from source: Int, to target: Int) -> Bool {
        guard chosen.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
        var unused = Set(chosen.indices.filter { chosen[$0] == 1 })
        var visited: Set<Int> = [source]
        var vertex = source
        while vertex != target {
            let leaving = unused.filter { arcs[$0].0 == vertex }
            guard leaving.count == 1, let arc = leaving.first else { return false }
            unused.remove(arc)
            vertex = arcs[arc].1
            guard visited.insert(vertex).inserted else { return false }
        }
        return unused.isEmpty
    }
}
