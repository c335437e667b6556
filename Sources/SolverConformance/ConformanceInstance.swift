import DifferentiableSolvers

/// One small test instance: a configured solver, some θ rows, and every feasible state,
/// from which the kit computes the true optimum by enumeration.
///
/// ```swift
/// let instance = ConformanceInstance(
///     solver: TopK(k: 2), theta: [[0.5, -1, 2, 2]],
///     feasibleStates: try ExhaustiveSearch.kHotVectors(length: 4, k: 2),
///     oppositeSense: TopK(k: 2, sense: .minimize))
/// ```
public struct ConformanceInstance<Solver: MAPSolver>: Sendable {
    /// The solver, configured with this instance's structure.
    public var solver: Solver
    /// The θ rows to solve, each of the length the solver expects.
    public var theta: [[Float]]
    /// Every feasible state of the instance (the brute-force truth).
    public var feasibleStates: [[Float]]
    /// The same structure with the opposite sense, when the solver offers both senses.
    public var oppositeSense: Solver?

    /// Creates an instance.
    ///
    /// - Parameters:
    ///   - solver: the configured solver.
    ///   - theta: one or more θ rows of equal length; include ties.
    ///   - feasibleStates: all feasible states, enumerated independently of the solver.
    ///   - oppositeSense: the solver with the same structure and the opposite sense, if any.
    public init(solver: Solver, theta: [[Float]], feasibleStates: [[Float]], oppositeSense: Solver? = nil) {
        self.solver = solver
        self.theta = theta
        self.feasibleStates = feasibleStates
        self.oppositeSense = oppositeSense
    }
}
