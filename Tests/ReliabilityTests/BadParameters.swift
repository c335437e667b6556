import DifferentiableSolvers
import Testing

/// The hostile θ batches every registered solver is fed, built from a solver's usual row length
/// `n` and a base row of ordinary values.
enum BadParameters: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case notANumber, positiveInfinity, negativeInfinity
    case noColumns, noRows, oneColumnShort, oneColumnLong, inconsistentShape
    case scaledUp, scaledUpNegated, scaledDown, largestMagnitude, subnormal, allZero
    case manyRows

    var testDescription: String { rawValue }

    /// Rows in ``manyRows``: enough for several chunks per worker, small enough for a debug run.
    static let manyRowCount = 1_500

    /// A batch with a non-finite entry must be refused; finite batches may also be answered.
    var mustFail: Bool { [.notANumber, .positiveInfinity, .negativeInfinity, .inconsistentShape].contains(self) }

    /// For the scaled batches: the factor s, so that MAP(s·θ) must also be a MAP of sign(s)·θ.
    var scale: Float? {
        switch self {
        case .scaledUp: 1e30
        case .scaledUpNegated: -1e30
        case .scaledDown: 1e-30
        default: nil
        }
    }

    func matrix(base: [Float], rows: [[Float]]) -> Matrix {
        let n = base.count
        switch self {
        case .notANumber: return Matrix(stacking: [base, with(base, .nan)])
        case .positiveInfinity: return Matrix(stacking: [with(base, .infinity)])
        case .negativeInfinity: return Matrix(stacking: [base, with(base, -.infinity)])
        case .noColumns: return Matrix(rows: 1, columns: 0, values: [])
        case .noRows: return Matrix(rows: 0, columns: n, values: [])
        case .oneColumnShort: return Matrix(stacking: [Array(base.dropLast())])
        case .oneColumnLong: return Matrix(stacking: [base + [0.5]])
        case .inconsistentShape: return Matrix(rows: 2, columns: n, values: base + base.dropLast())
        case .scaledUp, .scaledUpNegated, .scaledDown:
            return Matrix(stacking: [base.map { $0 * scale! }])
        case .largestMagnitude:
            return Matrix(stacking: [base.map { $0 < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude }])
        case .subnormal: return Matrix(stacking: [base.map { $0 * (64 * .leastNonzeroMagnitude) }])
        case .allZero: return Matrix(rows: 1, columns: n, repeating: 0)
        case .manyRows: return Matrix(stacking: (0..<Self.manyRowCount).map { rows[$0 % rows.count] })
        }
    }

    /// `row` with its middle entry replaced.
    private func with(_ row: [Float], _ value: Float) -> [Float] {
        var row = row
        row[row.count / 2] = value
        return row
    }
}
