import DifferentiableSolvers

/// One worker's GLPK problem object, built on first use and reused for every later solve
/// on that worker (only the objective changes between solves).
///
/// ``LinearProgramSolver/solveBatch(_:parallelism:)`` gives each worker thread its own
/// workspace, so rows are solved in parallel without sharing GLPK state. A workspace
/// belongs to the thread that first solves with it; GLPK's memory is per thread.
///
/// ```swift
/// var workspace = solver.makeWorkspace()
/// for theta in thetas {
///     let result = try solver.solveReportingStatus(theta, workspace: &workspace)
/// }
/// ```
public final class GLPKWorkspace {
    /// The problem object, once built.
    var problem: GLPKProblem?

    /// An empty workspace; the problem object is built by the first solve.
    public init() {}

    /// The problem object for `model` on the calling thread, built if this workspace has
    /// none, has one for another model, or lost it (another thread, or a GLPK failure that
    /// reset this thread's environment).
    func problem(for model: PreparedModel) throws(SolverError) -> GLPKProblem {
        if let problem, problem.source === model, problem.isUsableOnCurrentThread { return problem }
        problem = nil
        let built = try GLPKProblem(building: model)
        problem = built
        return built
    }
}

