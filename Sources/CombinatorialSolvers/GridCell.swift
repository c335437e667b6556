/// A cell of a rectangular grid, addressed by row and column from the top-left corner.
///
/// Cell `(row, column)` of an H × W grid is entry `row * W + column` of θ and z (row-major).
///
/// ```swift
/// let bottomRight = GridCell(row: 11, column: 11)   // of a 12 × 12 grid
/// ```
public struct GridCell: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The row, 0 at the top.
    public var row: Int
    /// The column, 0 at the left.
    public var column: Int

    /// Creates the cell at `row`, `column`.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// "(row, column)".
    public var description: String { "(\(row), \(column))" }
}
