/// One property the conformance kit checks.
public enum ConformanceCheck: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Every solution is one of the instance's feasible states.
    case feasibility
    /// Every solution attains the brute-force optimum of ⟨z, θ⟩ in the solver's sense.
    case optimality
    /// The opposite-sense form of the solver on −θ attains the same optimum (when offered).
    case sense
    /// `solveBatch`, `solve(row:)` and `solve(_:into:workspace:)` with one workspace reused
    /// over the rows in either order agree.
    case batchConsistency
    /// `solve(_:into:workspace:)` writes every entry of the solution buffer.
    case completeWrites
    /// Solving the same batch twice gives identical solutions.
    case determinism
    /// The solutions do not depend on the number of threads.
    case threadIndependence
    /// NaN, ±∞ and wrong lengths yield a `SolverError` of the right kind.
    case badInput

    /// Orders the checks as `allCases` lists them, so that reports print in a fixed order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
