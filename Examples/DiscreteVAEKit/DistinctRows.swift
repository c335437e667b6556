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
        var seen: [ArraySlice<Float>: Int] = [:]
        var values: [Float] = []
        var index: [Int] = []
        index.reserveCapacity(matrix.count / columns)
        for start in stride(from: 0, to: matrix.count - columns + 1, by: columns) {
            let row = matrix[start ..< start + columns]
            if let position = seen[row] {
                index.append(position)
            } else {
                let position = seen.count
                seen[row] = position
                values += row
                index.append(position)
            }
        }
        self.values = values
        self.index = index
    }

    /// The number of distinct rows.
    public var count: Int { columns > 0 ? values.count / columns : 0 }
}
