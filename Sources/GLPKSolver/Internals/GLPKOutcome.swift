import CGLPK
import CGLPKShim
import DifferentiableSolvers

/// Reads GLPK's return and status codes after a solve.
enum GLPKOutcome {
    /// How the solve ended, or the error that describes why there is no solution.
    ///
    /// - Parameters:
    ///   - outcome: what the shim reported.
    ///   - isInteger: whether branch-and-cut (rather than the simplex method) ran.
    /// - Throws: `SolverError` of kind `.infeasible`, `.unbounded`, `.limitReached`
    ///   (no feasible solution when the limit hit) or `.libraryFailure`.
    static func termination(of outcome: cglpk_outcome, isInteger: Bool)
        throws(SolverError) -> LinearProgramSolution.Termination
    {
        isInteger ? try integerTermination(outcome) : try simplexTermination(outcome)
    }

    private static func integerTermination(_ outcome: cglpk_outcome) throws(SolverError)
        -> LinearProgramSolution.Termination
    {
        switch outcome.glpk_return {
        case 0:
            switch outcome.status {
            case GLP_OPT: return .optimal
            case GLP_FEAS: return .gapToleranceReached
            case GLP_NOFEAS: throw infeasible
            default: throw failure("branch-and-cut ended with status \(outcome.status)")
            }
        case GLP_ENOPFS: throw infeasible
        case GLP_ENODFS:
            throw SolverError(.unbounded, "the LP relaxation is unbounded for this θ (GLPK: no dual feasible solution)")
        case GLP_EMIPGAP:
            guard outcome.status == GLP_FEAS || outcome.status == GLP_OPT else {
                throw failure("gap tolerance reached without a feasible solution")
            }
            return .gapToleranceReached
        case GLP_ETMLIM, GLP_EITLIM, GLP_ESTOP:
            guard outcome.status == GLP_FEAS || outcome.status == GLP_OPT else { throw limitWithoutSolution }
            return .limitReached
        default:
            throw failure("glp_intopt returned \(codeName(outcome.glpk_return))")
        }
    }

    private static func simplexTermination(_ outcome: cglpk_outcome) throws(SolverError)
        -> LinearProgramSolution.Termination
    {
        switch outcome.glpk_return {
        case 0:
            switch outcome.status {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: throw infeasible
            case GLP_UNBND: throw unbounded
            default:
                if outcome.primal_status == GLP_NOFEAS { throw infeasible }
                if outcome.dual_status == GLP_NOFEAS { throw unbounded }
                throw failure("the simplex method ended with status \(outcome.status)")
            }
        case GLP_ETMLIM, GLP_EITLIM:
            guard outcome.primal_status == GLP_FEAS else { throw limitWithoutSolution }
            return .limitReached
        default:
            throw failure("glp_simplex returned \(codeName(outcome.glpk_return))")
        }
    }

    private static var infeasible: SolverError {
        SolverError(.infeasible, "the linear program has no feasible solution")
    }

    private static var unbounded: SolverError {
        SolverError(.unbounded, "the objective is unbounded over the feasible set for this θ")
    }

    private static var limitWithoutSolution: SolverError {
        SolverError(.limitReached, "the time or iteration limit hit before GLPK found a feasible solution")
    }

    private static func failure(_ message: String) -> SolverError {
        SolverError(.libraryFailure, "GLPK: \(message)")
    }

    private static func codeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB (invalid basis)", GLP_ESING: "GLP_ESING (singular matrix)",
            GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)", GLP_EBOUND: "GLP_EBOUND (invalid bounds)",
            GLP_EFAIL: "GLP_EFAIL (solver failed)", GLP_EROOT: "GLP_EROOT (no optimal root basis)",
        ]
        return names[code] ?? "code \(code)"
    }
}
