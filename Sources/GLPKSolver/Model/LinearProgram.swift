import DifferentiableSolvers

/// A mixed-integer linear program whose objective coefficients are the parameters θ of a
/// MAP oracle: optimise ⟨θ, z⟩ over the z that satisfy sparse linear constraints, variable
/// bounds and integrality.
///
/// The structure (variables, constraints, sense) is fixed; θ changes with every solve.
/// Build a program in code or read one from a model file with
/// ``init(contentsOf:format:translationLimits:)``, then hand it to ``LinearProgramSolver``.
///
/// ```swift
/// // 0/1 knapsack: maximise Σ θᵢ zᵢ subject to 3z₀ + 4z₁ + 2z₂ ≤ 5.
/// let knapsack = LinearProgram(
///     sense: .maximize,
///     variables: Array(repeating: .binary(), count: 3),
///     constraints: [.init(dense: [3, 4, 2], bounds: .atMost(5))])
/// ```
public struct LinearProgram: Sendable, Hashable {
    /// Whether ⟨θ, z⟩ is maximised or minimised.
    public var sense: OptimizationSense
    /// The decision variables; z has one entry per variable, in this order.
    public var variables: [Variable]
    /// The linear constraints (rows).
    public var constraints: [Constraint]
    /// The objective coefficients the program was written with (zeros when built in code
    /// without one). A model file's objective lands here; solving uses θ instead, so this
    /// is a natural default θ.
    public var objective: [Double]

    /// Creates a program.
    ///
    /// Construction does not validate; ``LinearProgramSolver/init(model:options:)`` checks
    /// the structure and reports what is wrong.
    ///
    /// - Parameters:
    ///   - sense: whether to maximise or minimise ⟨θ, z⟩.
    ///   - variables: the decision variables.
    ///   - constraints: the linear constraints.
    ///   - objective: the written objective coefficients; `nil` means all zero.
    public init(sense: OptimizationSense, variables: [Variable], constraints: [Constraint],
                objective: [Double]? = nil) {
        self.sense = sense
        self.variables = variables
        self.constraints = constraints
        self.objective = objective ?? [Double](repeating: 0, count: variables.count)
    }

    /// Whether some variable is integer or binary (the program is then solved by
    /// branch-and-cut instead of the simplex method).
    public var hasIntegerVariables: Bool {
        variables.contains { $0.kind != .continuous }
    }
}
