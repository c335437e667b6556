/// One worker's view of a solver: reusable input and output rows and the solver's
/// workspace, so that repeated perturbed solves do not allocate.
struct PerturbedOracle<Solver: MAPSolver> {
    let solver: Solver
    /// Held in an optional so that `solve` can move it out while the solver mutates it.
    private var workspace: Solver.Workspace?
    /// The θ-space row to solve; filled by the caller.
    var input: [Float]
    /// The solution of the last ``solve(row:)``.
    var output: [Float]
    /// When set, inputs below it are raised to it before solving.
    let floor: Float?

    init(solver: Solver, variableCount n: Int, floor: Float? = nil) {
        self.solver = solver
        self.floor = floor
        self.workspace = solver.makeWorkspace()
        self.input = [Float](repeating: 0, count: n)
        self.output = [Float](repeating: 0, count: n)
    }

    /// Solves ``input`` into ``output``; `row` attributes errors to a batch row.
    mutating func solve(row: Int) throws(SolverError) {
        if let bad = input.firstIndex(where: { !$0.isFinite }) {
            throw SolverError(.nonFiniteParameter,
                              "a perturbed θ is not finite; reduce λ, the noise temperature or the magnitude of ∂L/∂z",
                              row: row, index: bad)
        }
        if let floor {
            for j in input.indices where input[j] < floor { input[j] = floor }
        }
        var scratch = workspace.take() ?? solver.makeWorkspace()
        var solution = output
        output = []
        defer {
            workspace = scratch
            output = solution
        }
        var result = solution.mutableSpan
        do throws(SolverError) {
            try solver.solve(input.span, into: &result, workspace: &scratch)
        } catch {
            throw error.inRow(row)
        }
    }
}
