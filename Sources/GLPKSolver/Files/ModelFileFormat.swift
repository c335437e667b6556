import CGLPKShim

/// The model file formats GLPK reads.
///
/// ```swift
/// let program = try LinearProgram(contentsOf: "knapsack.lp", format: .cplexLP)
/// let fromGMPL = try LinearProgram(contentsOf: "assign.mod", format: .mathProg(dataPath: "assign.dat"))
/// ```
public enum ModelFileFormat: Sendable, Hashable {
    /// Free (modern) MPS.
    case freeMPS
    /// Fixed-column (ancient) MPS.
    case fixedMPS
    /// CPLEX LP format.
    case cplexLP
    /// A GNU MathProg (GMPL) model, with an optional separate data file.
    case mathProg(dataPath: String? = nil)

    /// The shim's code for the format.
    var shimCode: Int32 {
        switch self {
        case .freeMPS: Int32(CGLPK_FORMAT_FREE_MPS)
        case .fixedMPS: Int32(CGLPK_FORMAT_FIXED_MPS)
        case .cplexLP: Int32(CGLPK_FORMAT_CPLEX_LP)
        case .mathProg: Int32(CGLPK_FORMAT_MATHPROG)
        }
    }

    /// The separate data file, if any.
    var dataPath: String? {
        if case .mathProg(let dataPath) = self { return dataPath }
        return nil
    }
}
