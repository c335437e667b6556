import CGLPK
import CGLPKShim
import DifferentiableSolvers

/// A validated ``LinearProgram`` laid out in GLPK's conventions, ready to be loaded into a
/// problem object on any thread. Immutable; its identity tells a workspace whether its
/// problem object was built from this model.
///
/// The data lives in two flat arrays so that one pair of pointers describes the whole
/// model to C (see ``withDescription(_:)``):
///
///     integers: row bound types (m) | column bound types (n) | column kinds (n) |
///               matrix row indices (1 + nz) | matrix column indices (1 + nz)
///     reals:    row lower (m) | row upper (m) | column lower (n) | column upper (n) |
///               matrix values (1 + nz)
///
/// Matrix triplets are 1-based with an unused element 0, as `glp_load_matrix` expects;
/// infinite bounds are stored as 0 (GLPK ignores the bound its type excludes).
final class PreparedModel: Sendable {
    let rowCount: Int
    let columnCount: Int
    let entryCount: Int
    let maximize: Bool
    let isInteger: Bool
    private let integers: [Int32]
    private let reals: [Double]

    /// - Precondition: `program` passed ``LinearProgram/validate()``.
    init(_ program: LinearProgram) {
        let rows = program.constraints, columns = program.variables
        var entryRows: [Int32] = [0], entryColumns: [Int32] = [0], entryValues: [Double] = [0]
        for (i, constraint) in rows.enumerated() {
            for term in constraint.terms where term.coefficient != 0 {
                entryRows.append(Int32(i + 1))
                entryColumns.append(Int32(term.variable + 1))
                entryValues.append(term.coefficient)
            }
        }
        rowCount = rows.count
        columnCount = columns.count
        entryCount = entryValues.count - 1
        maximize = program.sense == .maximize
        isInteger = program.hasIntegerVariables
        integers = rows.map { Self.boundType($0.bounds) } + columns.map { Self.boundType($0.bounds) }
            + columns.map { Self.kindCode($0.kind) } + entryRows + entryColumns
        reals = rows.map { Self.storable($0.bounds.lower) } + rows.map { Self.storable($0.bounds.upper) }
            + columns.map { Self.storable($0.bounds.lower) } + columns.map { Self.storable($0.bounds.upper) }
            + entryValues
    }

    /// Calls `body` with a C description of the model whose pointers are valid during the call.
    func withDescription<Result>(_ body: (inout cglpk_model) -> Result) -> Result {
        let m = rowCount, n = columnCount, triplets = entryCount + 1
        return integers.withUnsafeBufferPointer { integers in
            reals.withUnsafeBufferPointer { reals in
                // Both arrays hold at least the unused triplet element, so neither is empty.
                let int = integers.baseAddress!, real = reals.baseAddress!
                var description = cglpk_model(
                    row_count: Int32(m), column_count: Int32(n), maximize: maximize ? 1 : 0,
                    row_type: int, row_lower: real, row_upper: real + m,
                    column_type: int + m, column_lower: real + 2 * m, column_upper: real + 2 * m + n,
                    column_kind: int + m + n,
                    entry_count: Int32(entryCount), entry_row: int + m + 2 * n,
                    entry_column: int + m + 2 * n + triplets, entry_value: real + 2 * m + 2 * n)
                return body(&description)
            }
        }
    }

    private static func boundType(_ bounds: LinearProgram.Bounds) -> Int32 {
        switch (bounds.lower.isFinite, bounds.upper.isFinite) {
        case (false, false): Int32(GLP_FR)
        case (true, false): Int32(GLP_LO)
        case (false, true): Int32(GLP_UP)
        case (true, true): Int32(bounds.lower == bounds.upper ? GLP_FX : GLP_DB)
        }
    }

    private static func kindCode(_ kind: VariableKind) -> Int32 {
        switch kind {
        case .continuous: Int32(GLP_CV)
        case .integer: Int32(GLP_IV)
        case .binary: Int32(GLP_BV)
        }
    }

    private static func storable(_ bound: Double) -> Double { bound.isFinite ? bound : 0 }
}
