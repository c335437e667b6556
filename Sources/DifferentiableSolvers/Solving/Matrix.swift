/// A dense row-major matrix of `Float`: one row per problem instance or per sample.
///
/// The layer and the solvers speak this type so that they can sit under any Swift model:
/// it is nothing more than a flat buffer and its shape. Construction does not validate;
/// every consumer checks ``isConsistent`` and reports a typed error when it is not.
///
/// ```swift
/// let theta = Matrix(rows: 2, columns: 3, values: [0.1, 2, -1,  3, 0, 0.5])
/// theta[1, 0]        // 3
/// theta.row(1)       // [3, 0, 0.5]
/// ```
public struct Matrix: Sendable, Hashable, Codable {
    /// Number of rows (instances or samples).
    public var rows: Int
    /// Number of columns (variables per instance).
    public var columns: Int
    /// The entries, row after row; `values.count == rows * columns` when consistent.
    public var values: [Float]

    /// Wraps a flat row-major buffer.
    public init(rows: Int, columns: Int, values: [Float]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix filled with one value.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        self.init(rows: max(rows, 0), columns: max(columns, 0),
                  values: [Float](repeating: value, count: max(rows, 0) * max(columns, 0)))
    }

    /// Stacks rows of equal length (an empty list gives a 0 × 0 matrix; ragged rows give an
    /// inconsistent matrix that consumers reject).
    public init(stacking rowArrays: [[Float]]) {
        let columns = rowArrays.first?.count ?? 0
        let ragged = rowArrays.contains { $0.count != columns }
        self.init(rows: rowArrays.count, columns: columns,
                  values: ragged ? [] : rowArrays.flatMap { $0 })
        if ragged { self.rows = -1 }
    }

    /// Whether the shape is non-negative and agrees with the buffer length.
    public var isConsistent: Bool {
        rows >= 0 && columns >= 0 && values.count == rows * columns
    }

    /// The entries of row `row`.
    public func row(_ row: Int) -> [Float] {
        Array(values[row * columns ..< (row + 1) * columns])
    }

    /// The rows as arrays.
    public var rowArrays: [[Float]] { (0..<max(rows, 0)).map(row) }

    /// Entry access by row and column.
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The index of the first entry that is NaN or infinite, if any.
    public var firstNonFiniteIndex: Int? { values.firstNonFiniteIndex(in: values.indices) }
}
