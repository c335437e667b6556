/// Disjoint sets over `0..<count` with path compression (path halving) and union by rank,
/// working in a caller's buffers so that Kruskal's algorithm allocates nothing per solve.
///
/// `parent[v]` is the parent of `v` (a root is its own parent) and `rank[v]` an upper bound
/// on the height of the tree below a root. Operations take amortised O(α(n)) time.
enum UnionFind {
    /// Makes every element its own set.
    static func reset(_ parent: inout MutableSpan<Int32>, _ rank: inout MutableSpan<UInt8>) {
        for v in parent.indices {
            parent[v] = Int32(truncatingIfNeeded: v)
            rank[v] = 0
        }
    }

    /// The representative of the set holding `element`, halving the path on the way.
    @inline(__always)
    static func find(_ element: Int, _ parent: inout MutableSpan<Int32>) -> Int {
        var v = element
        while Int(parent[v]) != v {
            let grandparent = parent[Int(parent[v])]
            parent[v] = grandparent
            v = Int(grandparent)
        }
        return v
    }

    /// Merges the sets holding `a` and `b`; returns `false` when they were already one set.
    @inline(__always)
    static func union(_ a: Int, _ b: Int, _ parent: inout MutableSpan<Int32>, _ rank: inout MutableSpan<UInt8>) -> Bool {
        let rootA = find(a, &parent), rootB = find(b, &parent)
        if rootA == rootB { return false }
        if rank[rootA] < rank[rootB] {
            parent[rootA] = Int32(truncatingIfNeeded: rootB)
        } else if rank[rootA] > rank[rootB] {
            parent[rootB] = Int32(truncatingIfNeeded: rootA)
        } else {
            parent[rootB] = Int32(truncatingIfNeeded: rootA)
            rank[rootA] &+= 1
        }
        return true
    }
}
