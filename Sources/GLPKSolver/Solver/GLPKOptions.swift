import DifferentiableSolvers

/// Limits and tolerances for ``LinearProgramSolver``.
///
/// By default GLPK solves to proven optimality with no time limit. With a limit, a solve
/// that runs out of time either throws `.limitReached` or, when
/// ``acceptsFeasibleOnLimit`` is set, returns the best feasible solution found so far;
/// ``LinearProgramSolver/solveReportingStatus(_:)`` always says which happened.
///
/// ```swift
/// let options = GLPKOptions(timeLimit: .milliseconds(200), relativeMIPGap: 1e-4,
///                           acceptsFeasibleOnLimit: true)
/// let solver = try LinearProgramSolver(model: program, options: options)
/// ```
public struct GLPKOptions: Sendable, Hashable {
    /// The wall-clock budget of one solve (`nil`: none). GLPK counts whole milliseconds.
    public var timeLimit: Duration?
    /// Branch-and-cut stops once the relative gap between the incumbent and the best bound
    /// is at most this (0: prove optimality). Such a stop is a requested result, not a
    /// failure.
    public var relativeMIPGap: Double
    /// Whether a solve stopped by ``timeLimit`` returns its best feasible solution instead
    /// of throwing `.limitReached`.
    public var acceptsFeasibleOnLimit: Bool

    /// Creates options.
    ///
    /// - Parameters:
    ///   - timeLimit: the budget of one solve; `nil` for none.
    ///   - relativeMIPGap: the relative MIP gap at which to stop, ≥ 0.
    ///   - acceptsFeasibleOnLimit: whether to accept a feasible solution when the limit hits.
    public init(timeLimit: Duration? = nil, relativeMIPGap: Double = 0, acceptsFeasibleOnLimit: Bool = false) {
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
        self.acceptsFeasibleOnLimit = acceptsFeasibleOnLimit
    }

    /// - Throws: `SolverError` of kind `.invalidOption`.
    func validate() throws(SolverError) {
        guard relativeMIPGap.isFinite, relativeMIPGap >= 0 else {
            throw SolverError(.invalidOption, "the relative MIP gap must be finite and ≥ 0, not \(relativeMIPGap)")
        }
        if let timeLimit, timeLimit <= .zero {
            throw SolverError(.invalidOption, "the time limit must be positive, not \(timeLimit)")
        }
    }

    /// The time limit in GLPK's unit (milliseconds, rounded up; `Int32.max` for none).
    var timeLimitMilliseconds: Int32 {
        guard let timeLimit else { return .max }
        let (seconds, attoseconds) = timeLimit.components
        let milliseconds = Double(seconds) * 1000 + (Double(attoseconds) / 1e15).rounded(.up)
        return Int32(min(max(milliseconds, 1), Double(Int32.max)))
    }
}
