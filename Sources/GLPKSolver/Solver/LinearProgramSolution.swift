/// The outcome of ``LinearProgramSolver/solveReportingStatus(_:)``: a solution and whether
/// it is proven optimal.
///
/// ```swift
/// let result = try solver.solveReportingStatus(theta)
/// if !result.isProvenOptimal { print("stopped early:", result.termination) }
/// ```
public struct LinearProgramSolution: Sendable, Hashable {
    /// Why the solver stopped.
    public enum Termination: String, Sendable, Hashable, Codable {
        /// The solution is optimal (within GLPK's tolerances).
        case optimal
        /// Branch-and-cut reached the requested ``GLPKOptions/relativeMIPGap``.
        case gapToleranceReached
        /// The time or iteration limit hit; the solution is feasible but not proven optimal.
        case limitReached
    }

    /// The values of the variables (integral variables rounded to integers).
    public var values: [Float]
    /// The objective ⟨θ, z⟩ reported by GLPK.
    public var objective: Double
    /// Why the solver stopped.
    public var termination: Termination

    /// Whether optimality was proven.
    public var isProvenOptimal: Bool { termination == .optimal }
}
