import CGLPKShim
import DifferentiableSolvers

/// A MAP oracle for any (mixed-integer) linear program, solved by GLPK: returns the z that
/// optimises ⟨θ, z⟩ subject to the program's constraints, bounds and integrality.
///
/// The program is validated and laid out once; every solve only replaces the objective
/// coefficients by θ, so repeated solves during training reuse the structure. Programs
/// without integer variables are solved by the simplex method (from the all-slack basis
/// every time, so a row's answer never depends on the rows solved before it); others by
/// branch-and-cut (`glp_intopt` with presolve). Rows of a batch are solved in parallel,
/// each worker with its own GLPK problem object (``GLPKWorkspace``).
///
/// GLPK never prints and never ends the process: its output is captured, arguments are
/// validated before they reach it, and its fatal-error path is turned into a
/// `SolverError` of kind `.libraryFailure`.
///
/// ```swift
/// // 0/1 knapsack with capacity 5: maximise ⟨θ, z⟩.
/// let program = LinearProgram(sense: .maximize,
///                             variables: Array(repeating: .binary(), count: 3),
///                             constraints: [.init(dense: [3, 4, 2], bounds: .atMost(5))])
/// let solver = try LinearProgramSolver(model: program)
/// let z = try solver.solve(row: [5, 4, 3])        // [1, 0, 1]
/// ```
public struct LinearProgramSolver: MAPSolver {
    /// One GLPK problem object per worker.
    public typealias Workspace = GLPKWorkspace

    /// The linear program; θ replaces its objective.
    public let model: LinearProgram
    /// Limits and tolerances.
    public let options: GLPKOptions
    let prepared: PreparedModel

    /// Whether ⟨θ, z⟩ is maximised or minimised (the program's sense).
    public var sense: OptimizationSense { model.sense }

    /// The number of variables, the length of θ and z.
    public var variableCount: Int? { columnCount }

    /// The number of variables.
    var columnCount: Int { model.variables.count }

    /// Creates a solver for `model`.
    ///
    /// - Parameters:
    ///   - model: the linear program.
    ///   - options: time limit, MIP gap and what to do when the limit hits.
    /// - Throws: `SolverError` of kind `.invalidStructure` for an empty program,
    ///   inconsistent or NaN bounds, non-finite or duplicate coefficients, or out-of-range
    ///   variable indices; `.invalidOption` for invalid options.
    /// - Complexity: O(variables + constraints + non-zeros).
    public init(model: LinearProgram, options: GLPKOptions = GLPKOptions()) throws(SolverError) {
        try model.validate()
        try options.validate()
        self.model = model
        self.options = options
        prepared = PreparedModel(model)
    }

    /// An empty workspace; its GLPK problem object is built by the first solve.
    public func makeWorkspace() -> GLPKWorkspace { GLPKWorkspace() }

    /// Solves one instance: writes an optimal z for objective θ.
    ///
    /// A solve stopped by the time limit throws `.limitReached` unless
    /// ``GLPKOptions/acceptsFeasibleOnLimit`` is set; one stopped by the requested MIP gap
    /// returns its solution. Use ``solveReportingStatus(_:workspace:)`` to see which.
    ///
    /// - Parameters:
    ///   - theta: the objective coefficients, one per variable.
    ///   - solution: receives the variable values.
    ///   - workspace: this worker's problem object.
    /// - Throws: `SolverError`: `.shapeMismatch`, `.nonFiniteParameter`, `.infeasible`,
    ///   `.unbounded`, `.limitReached`, `.libraryFailure`.
    /// - Complexity: one simplex or branch-and-cut run; the first solve on a workspace
    ///   also builds the problem object.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                      workspace: inout GLPKWorkspace) throws(SolverError) {
        let termination = try solveChecked(theta, into: &solution, workspace: workspace).termination
        if termination == .limitReached && !options.acceptsFeasibleOnLimit {
            throw SolverError(.limitReached,
                              "GLPK stopped at the time limit with a feasible but unproven solution; "
                                  + "set acceptsFeasibleOnLimit to use it")
        }
    }

    /// Solves one instance and reports whether the solution is proven optimal.
    ///
    /// Unlike ``solve(_:into:workspace:)``, a solve stopped by the time limit returns its
    /// best feasible solution (flagged by ``LinearProgramSolution/isProvenOptimal``)
    /// whatever ``GLPKOptions/acceptsFeasibleOnLimit`` says.
    ///
    /// ```swift
    /// var workspace = solver.makeWorkspace()
    /// let result = try solver.solveReportingStatus(theta, workspace: &workspace)
    /// print(result.objective, result.isProvenOptimal)
    /// ```
    ///
    /// - Parameters:
    ///   - theta: the objective coefficients, one per variable.
    ///   - workspace: a workspace to reuse across calls on this thread.
    /// - Returns: the values, the objective and why GLPK stopped.
    /// - Throws: `SolverError` as for ``solve(_:into:workspace:)``; `.limitReached`
    ///   only when no feasible solution was found in time.
    public func solveReportingStatus(_ theta: [Float], workspace: inout GLPKWorkspace)
        throws(SolverError) -> LinearProgramSolution
    {
        var values = [Float](repeating: 0, count: columnCount)
        var span = values.mutableSpan
        let (termination, objective) = try solveChecked(theta.span, into: &span, workspace: workspace)
        return LinearProgramSolution(values: values, objective: objective, termination: termination)
    }

    /// Solves one instance with a fresh workspace and reports whether the solution is
    /// proven optimal; see ``solveReportingStatus(_:workspace:)``.
    public func solveReportingStatus(_ theta: [Float]) throws(SolverError) -> LinearProgramSolution {
        var workspace = makeWorkspace()
        return try solveReportingStatus(theta, workspace: &workspace)
    }

    private func solveChecked(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                              workspace: GLPKWorkspace) throws(SolverError)
        -> (termination: LinearProgramSolution.Termination, objective: Double)
    {
        guard theta.count == columnCount, solution.count == columnCount else {
            throw SolverError(.shapeMismatch,
                              "θ has \(theta.count) and z \(solution.count) entries; the program has \(columnCount) variables")
        }
        for j in 0..<theta.count where !theta[j].isFinite {
            throw SolverError(.nonFiniteParameter, "θ contains \(theta[j])", index: j)
        }
        let problem = try workspace.problem(for: prepared)
        let parameters = cglpk_options(time_limit_ms: options.timeLimitMilliseconds,
                                       mip_gap: options.relativeMIPGap,
                                       integer: prepared.isInteger ? 1 : 0)
        // GLPK's tolerances are absolute (a reduced cost below 1e-7 counts as zero), so tiny θ would
        // look like a zero objective. The optimum is invariant under positive scaling: hand GLPK θ
        // divided by the power of two that brings its largest entry into [1, 2) (exact in binary).
        var largest: Float = 0
        for j in 0..<theta.count { largest = max(largest, abs(theta[j])) }
        let scale = largest > 0 ? Float(sign: .plus, exponent: largest.exponent, significand: 1) : 1
        let normalized = (0..<theta.count).map { theta[$0] / scale }
        let outcome = try problem.solve(normalized.span, into: &solution, options: parameters)
        let termination = try GLPKOutcome.termination(of: outcome, isInteger: prepared.isInteger)
        return (termination, outcome.objective * Double(scale))
    }
}
