import CGLPK
import DifferentiableSolvers

/// A validated ``LinearProgram`` laid out in GLPK's conventions, ready to be loaded into a
/// problem object on any thread. Immutable; its identity tells a workspace whether its
/// problem object was built from this model.
final class PreparedModel: Sendable {
    let rowCount: Int32
    let columnCount: Int32
    let maximize: Bool
    let isInteger: Bool
    let rowType: [Int32]
    let rowLower: [Double]
    let rowUpper: [Double]
    let columnType: [Int32]
    let columnLower: [Double]
    let columnUpper: [Double]
    let columnKind: [Int32]
    /// 1-based triplets with an unused element 0, as `glp_load_matrix` expects.
    let entryRow: [Int32]
    let entryColumn: [Int32]
    let entryValue: [Double]

    /// - Precondition: `program` passed ``LinearProgram/validate()``.
    init(_ program: LinearProgram) {
        rowCount = Int32(program.constraints.count)
        columnCount = Int32(program.variables.count)
        maximize = program.sense == .maximize
        isInteger = program.hasIntegerVariables
        rowType = program.constraints.map { Self.boundType($0.bounds) }
        rowLower = program.constraints.map { Self.finiteOrZero($0.bounds.lower) }
        rowUpper = program.constraints.map { Self.finiteOrZero($0.bounds.upper) }
        columnType = program.variables.map { Self.boundType($0.bounds) }
        columnLower = program.variables.map { Self.finiteOrZero($0.bounds.lower) }
        columnUpper = program.variables.map { Self.finiteOrZero($0.bounds.upper) }
        columnKind = program.variables.map { variable in
            switch variable.kind {
            case .continuous: Int32(GLP_CV)
            case .integer: Int32(GLP_IV)
            case .binary: Int32(GLP_BV)
            }
        }
        var rows: [Int32] = [0], columns: [Int32] = [0], values: [Double] = [0]
        for (i, constraint) in program.constraints.enumerated() {
            for term in constraint.terms where term.coefficient != 0 {
                rows.append(Int32(i + 1))
                columns.append(Int32(term.variable + 1))
                values.append(term.coefficient)
            }
        }
        entryRow = rows
        entryColumn = columns
        entryValue = values
    }

    var entryCount: Int32 { Int32(entryValue.count - 1) }

    static func boundType(_ bounds: LinearProgram.Bounds) -> Int32 {
        switch (bounds.lower.isFinite, bounds.upper.isFinite) {
        case (false, false): Int32(GLP_FR)
        case (true, false): Int32(GLP_LO)
        case (false, true): Int32(GLP_UP)
        case (true, true): Int32(bounds.lower == bounds.upper ? GLP_FX : GLP_DB)
        }
    }

    private static func finiteOrZero(_ value: Double) -> Double { value.isFinite ? value : 0 }
}
