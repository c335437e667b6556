/// A 4-ary min-heap of ``PackedKey`` values living in a caller's buffer.
///
/// The heap owns no memory: its entries are `storage[0 ..< count]` of a span the caller
/// takes from its workspace, so pushing and popping never allocate and pay for no
/// copy-on-write checks. Used with lazy deletion by the Dijkstra solvers (a vertex is pushed
/// again when its distance drops; outdated entries are skipped when popped) and, built in
/// one go by ``heapify(count:_:)``, by Kruskal's algorithm to draw edges in weight order.
struct PackedKeyHeap {
    /// Number of entries.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds `key`; `storage` must have room for `count + 1` entries.
    @inline(__always)
    mutating func push(_ key: UInt64, _ storage: inout MutableSpan<UInt64>) {
        var position = count
        count += 1
        while position > 0 {
            let parent = (position - 1) >> 2
            let parentKey = storage[parent]
            if parentKey <= key { break }
            storage[position] = parentKey
            position = parent
        }
        storage[position] = key
    }

    /// Removes and returns the smallest key; the heap must not be empty.
    @inline(__always)
    mutating func popMin(_ storage: inout MutableSpan<UInt64>) -> UInt64 {
        let top = storage[0]
        count -= 1
        if count > 0 { siftDown(storage[count], from: 0, &storage) }
        return top
    }

    /// Turns the first `count` entries of `storage` into a heap (Floyd's method, O(count)).
    mutating func heapify(count: Int, _ storage: inout MutableSpan<UInt64>) {
        self.count = count
        guard count > 1 else { return }
        var position = (count - 2) >> 2
        while position >= 0 {
            siftDown(storage[position], from: position, &storage)
            position -= 1
        }
    }

    /// Places `key` at `start` and moves it down until no child is smaller.
    @inline(__always)
    private func siftDown(_ key: UInt64, from start: Int, _ storage: inout MutableSpan<UInt64>) {
        var position = start
        while true {
            let first = 4 * position + 1
            if first >= count { break }
            var best = first
            var bestKey = storage[first]
            let end = min(first + 4, count)
            var child = first + 1
            while child < end {
                let childKey = storage[child]
                if childKey < bestKey { best = child; bestKey = childKey }
                child += 1
            }
            if bestKey >= key { break }
            storage[position] = bestKey
            position = best
        }
        storage[position] = key
    }
}
