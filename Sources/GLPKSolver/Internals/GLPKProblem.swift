import CGLPK
import CGLPKShim
import DifferentiableSolvers

/// Owns one GLPK problem object and is the only place that touches it.
///
/// GLPK keeps its memory in a per-thread environment, so a problem must be used and freed
/// on the thread that created it, and a GLPK failure on that thread frees every problem of
/// the thread. The owner therefore remembers its thread and the environment generation;
/// it frees the problem only when both still match (otherwise freeing would corrupt
/// another environment or free twice, so it leaves the memory alone: the shim frees it with
/// its thread's environment when that thread exits).
///
/// The thread is remembered by the shim's `cglpk_thread_identity()`, which no later thread
/// receives, not by `pthread_t`: the system hands an exited thread's `pthread_t` to new
/// threads, whose fresh environment (generation 0) would otherwise pass for the owner's.
final class GLPKProblem {
    private let handle: OpaquePointer
    private let thread: UInt64
    private let generation: UInt
    /// The model this problem was built from (`nil` when read from a file).
    let source: PreparedModel?

    /// Builds a problem object from a prepared model on the calling thread.
    ///
    /// - Throws: `SolverError` of kind `.libraryFailure` when GLPK fails.
    init(building model: PreparedModel) throws(SolverError) {
        var built: OpaquePointer?
        let status = model.withDescription { cglpk_build(&$0, &built) }
        guard status == Int32(CGLPK_OK), let built else {
            throw SolverError(.libraryFailure, "GLPK failed to build the problem: \(GLPKMessages.current)")
        }
        handle = built
        thread = cglpk_thread_identity()
        generation = cglpk_environment_generation()
        source = model
    }

    /// Reads a model file into a problem object on the calling thread; a MathProg model is
    /// translated within `limits`.
    ///
    /// - Returns: the problem, or the shim's status with GLPK's messages.
    static func reading(format: Int32, modelPath: String, dataPath: String?, limits: MathProgLimits)
        -> Result<GLPKProblem, GLPKReadFailure>
    {
        var read: OpaquePointer?
        let status: Int32 = modelPath.withCString { model in
            guard format == Int32(CGLPK_FORMAT_MATHPROG) else { return cglpk_read(format, model, nil, &read) }
            guard let dataPath else {
                return cglpk_read_mathprog(model, nil, limits.milliseconds, limits.megabytes, &read)
            }
            return dataPath.withCString { data in
                cglpk_read_mathprog(model, data, limits.milliseconds, limits.megabytes, &read)
            }
        }
        guard status == Int32(CGLPK_OK), let read else {
            return .failure(GLPKReadFailure(status: status, messages: GLPKMessages.raw))
        }
        return .success(GLPKProblem(adopting: read))
    }

    private init(adopting handle: OpaquePointer) {
        self.handle = handle
        thread = cglpk_thread_identity()
        generation = cglpk_environment_generation()
        source = nil
    }

    deinit {
        if isUsableOnCurrentThread { cglpk_delete(handle) }
    }

    /// How many exited threads' GLPK environments the shim has freed, with the problems still
    /// alive on them.
    static var environmentsFreedAtThreadExit: UInt { UInt(cglpk_environments_freed_at_thread_exit()) }

    /// Whether the problem object is alive and belongs to the calling thread.
    var isUsableOnCurrentThread: Bool {
        thread == cglpk_thread_identity() && generation == cglpk_environment_generation()
    }

    /// Sets the objective to θ and solves; writes the variable values to `solution`.
    ///
    /// - Precondition: ``isUsableOnCurrentThread``; θ and `solution` have one entry per column.
    /// - Throws: `SolverError` of kind `.libraryFailure` when GLPK fails.
    func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
               options: cglpk_options) throws(SolverError) -> cglpk_outcome {
        var outcome = cglpk_outcome()
        var parameters = options
        let status = theta.withUnsafeBufferPointer { theta in
            solution.withUnsafeMutableBufferPointer { solution in
                cglpk_solve(handle, theta.baseAddress, Int32(theta.count), &parameters,
                            solution.baseAddress, &outcome)
            }
        }
        guard status == Int32(CGLPK_OK) else {
            throw SolverError(.libraryFailure, "GLPK failed while solving: \(GLPKMessages.current)")
        }
        return outcome
    }

    /// The problem's content as a ``LinearProgram`` (free rows, which constrain nothing,
    /// are left out).
    func extractProgram() -> LinearProgram {
        let rowCount = Int(glp_get_num_rows(handle)), columnCount = Int(glp_get_num_cols(handle))
        let columns = (0..<columnCount).map { Int32($0 + 1) }
        let variables = columns.map { j in
            LinearProgram.Variable(name: glp_get_col_name(handle, j).map { String(cString: $0) },
                                   kind: Self.kind(glp_get_col_kind(handle, j)),
                                   bounds: Self.bounds(type: glp_get_col_type(handle, j),
                                                       lower: glp_get_col_lb(handle, j),
                                                       upper: glp_get_col_ub(handle, j)))
        }
        var indices = [Int32](repeating: 0, count: columnCount + 1)
        var values = [Double](repeating: 0, count: columnCount + 1)
        var constraints: [LinearProgram.Constraint] = []
        for i in (0..<rowCount).map({ Int32($0 + 1) }) where glp_get_row_type(handle, i) != GLP_FR {
            let length = Int(glp_get_mat_row(handle, i, &indices, &values))
            constraints.append(LinearProgram.Constraint(
                terms: (0..<length).map { .init(Int(indices[$0 + 1]) - 1, values[$0 + 1]) },
                bounds: Self.bounds(type: glp_get_row_type(handle, i), lower: glp_get_row_lb(handle, i),
                                    upper: glp_get_row_ub(handle, i)),
                name: glp_get_row_name(handle, i).map { String(cString: $0) }))
        }
        return LinearProgram(sense: glp_get_obj_dir(handle) == GLP_MAX ? .maximize : .minimize,
                             variables: variables, constraints: constraints,
                             objective: columns.map { glp_get_obj_coef(handle, $0) })
    }

    private static func kind(_ code: Int32) -> VariableKind {
        switch code {
        case GLP_BV: .binary
        case GLP_IV: .integer
        default: .continuous
        }
    }

    private static func bounds(type: Int32, lower: Double, upper: Double) -> LinearProgram.Bounds {
        switch type {
        case GLP_FR: .free
        case GLP_LO: .atLeast(lower)
        case GLP_UP: .atMost(upper)
        case GLP_FX: .exactly(lower)
        default: .between(lower, upper)
        }
    }
}
