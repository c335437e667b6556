/// The rows of a row-major matrix with repeats removed, and where each row went: the latent
/// states a decoder has to evaluate when many candidates coincide (one categorical variable
/// of K classes has only K states, however many images ask for them).
///
/// ```swift
/// let distinct = DistinctRows([1, 0, 0, 1, 1, 0], columns: 2)
/// // distinct.values == [1, 0, 0, 1], distinct.index == [0, 1, 0]
/// ```
public struct DistinctRows: Sendable, Equatable {
    /// The distinct rows in order of first appearance, row-major.
    public let values: [Float]
    /// The width of a row.
    public let columns: Int
    /// For each input row, the position of its row in ``values``.
    public let index: [Int]

    /// The distinct rows of `matrix` (rows are equal when every entry compares equal).
    ///
    /// - Complexity: O(matrix.count) expected.
    public init(_ matrix: [Float], columns: Int) {
        self.columns = columns
        guard columns > 0 else {
            values = []
            index = []
            return
        }
        // Rows are bucketed by a cheap fingerprint of their entries (−0 counted as +0, as
        // they compare equal) and compared entry by entry within a bucket: hashing every
        // Float through `Hasher` cost more than decoding for a 1 × 50 latent.
        var buckets: [UInt64: [Int]] = [:]
        var values: [Float] = []
        var index: [Int] = []
        index.reserveCapacity(matrix.count / columns)
        matrix.withUnsafeBufferPointer { entries in
            for start in stride(from: 0, to: entries.count - columns + 1, by: columns) {
                var fingerprint: UInt64 = 0xCBF2_9CE4_8422_2325
                for j in start ..< start + columns {
                    fingerprint = (fingerprint ^ UInt64((entries[j] + 0).bitPattern)) &* 0x0000_0100_0000_01B3
                }
                let candidates = buckets[fingerprint, default: []]
                let match = candidates.first { position in
                    (0..<columns).allSatisfy { values[position * columns + $0] == entries[start + $0] }
                }
                if let match {
                    index.append(match)
                } else {
                    let position = values.count / columns
                    buckets[fingerprint, default: []].append(position)
                    values += entries[start ..< start + columns]
                    index.append(position)
                }
            }
        }
        self.values = values
        self.index = index
    }

    /// The number of distinct rows.
    public var count: Int { columns > 0 ? values.count / columns : 0 }
}
