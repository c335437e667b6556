import DifferentiableSolvers

/// The MAP of a k-subset distribution: the 0/1 mask of the k largest (or smallest) entries
/// of θ.
///
/// Accepts rows of any length n ≥ k. Ties are broken towards the lower index, so the result
/// is deterministic.
///
/// ```swift
/// try TopK(k: 2).solve(row: [0.3, 2.0, -1.0, 0.9])                     // [0, 1, 0, 1]
/// try TopK(k: 2, sense: .minimize).solve(row: [0.3, 2.0, -1.0, 0.9])   // [1, 0, 1, 0]
/// ```
///
/// - Complexity: O(n · log k) per row in the worst case and O(n) typically (a bounded heap
///   of the best k seen so far); no allocation after the worker's first row.
public struct TopK: MAPSolver {
    /// The subset size.
    public let k: Int
    /// Whether the largest or the smallest entries are selected.
    public let sense: OptimizationSense

    /// Creates the solver; `k` is checked against each row's length when solving (k < 1 or
    /// k > n is a `SolverError` of kind `.invalidStructure`).
    public init(k: Int, sense: OptimizationSense = .maximize) {
        self.k = k
        self.sense = sense
    }

    /// `nil`: any length n ≥ k.
    public var variableCount: Int? { nil }

    /// A binary min-heap (for maximisation) of the k best (value, index) pairs seen so far.
    public struct Workspace: Sendable {
        var values: [Float] = []
        var indices: [Int] = []
    }

    /// An empty heap.
    public func makeWorkspace() -> Workspace { Workspace() }

    /// Writes the mask of the k best entries of `theta` (ties: the lower index).
    ///
    /// - Parameters:
    ///   - theta: the scores of one instance.
    ///   - solution: receives the mask; same length as `theta`.
    ///   - workspace: this worker's heap.
    /// - Throws: `SolverError` of kind `.invalidStructure` unless 1 ≤ k ≤ n.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout Workspace) throws(SolverError) {
        let n = theta.count
        guard k >= 1, k <= n else {
            throw SolverError(.invalidStructure, "top-k needs 1 ≤ k ≤ n (got k = \(k), n = \(n))")
        }
        select(theta, range: 0..<n, into: &solution, workspace: &workspace)
    }

    /// Marks the k best entries of `theta[range]` in `solution[range]` (k ≤ range.count).
    func select(_ theta: Span<Float>, range: Range<Int>, into solution: inout MutableSpan<Float>, workspace: inout Workspace) {
        // Work with keys where larger is better: θ for maximisation, −θ for minimisation.
        let sign: Float = sense == .maximize ? 1 : -1
        // Move the buffers out of the workspace so the heap owns them uniquely (no copy).
        var values: [Float] = [], indices: [Int] = []
        swap(&values, &workspace.values)
        swap(&indices, &workspace.indices)
        var heap = BoundedHeap(values: values, indices: indices, capacity: k)
        for i in range {
            heap.offer(sign * theta[i], index: i)
            solution[i] = 0
        }
        for index in heap.indices { solution[index] = 1 }
        workspace.values = heap.values
        workspace.indices = heap.indices
    }
}

/// The k best (key, index) pairs: a binary heap whose root is the worst kept pair, where a
/// higher key is better and, for equal keys, the lower index is better.
struct BoundedHeap {
    var values: [Float]
    var indices: [Int]
    let capacity: Int

    init(values: [Float], indices: [Int], capacity: Int) {
        self.values = values
        self.indices = indices
        self.capacity = capacity
        self.values.removeAll(keepingCapacity: true)
        self.indices.removeAll(keepingCapacity: true)
    }

    /// Whether (a, i) is worse than (b, j).
    @inline(__always)
    private func worse(_ a: Float, _ i: Int, than b: Float, _ j: Int) -> Bool {
        a < b || (a == b && i > j)
    }

    mutating func offer(_ key: Float, index: Int) {
        if values.count < capacity {
            values.append(key)
            indices.append(index)
            var child = values.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(values[child], indices[child], than: values[parent], indices[parent]) else { break }
                values.swapAt(child, parent)
                indices.swapAt(child, parent)
                child = parent
            }
            return
        }
        // Replace the root only when the newcomer is better than the worst kept pair.
        guard worse(values[0], indices[0], than: key, index) else { return }
        values[0] = key
        indices[0] = index
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < capacity, worse(values[left], indices[left], than: values[smallest], indices[smallest]) { smallest = left }
            if right < capacity, worse(values[right], indices[right], than: values[smallest], indices[smallest]) { smallest = right }
            if smallest == parent { return }
            values.swapAt(parent, smallest)
            indices.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
