/// One worker's view of a solver: the solver's workspace, reused by every perturbed solve
/// so that they do not allocate, and the optional floor on perturbed parameters.
///
/// The input row is the caller's own array: in the layer's generic, unspecialised code a
/// `[Float]` held in a local variable keeps the hot loops that fill it concrete and
/// vectorised, where a field of this generic struct would be reached through its metadata.
struct PerturbedOracle<Solver: MAPSolver> {
    let solver: Solver
    /// Held in an optional so that `solve` can move it out while the solver mutates it.
    private var workspace: Solver.Workspace?
    /// When set, inputs below it are raised to it before solving.
    let floor: Float?

    init(solver: Solver, floor: Float? = nil) {
        self.solver = solver
        self.floor = floor
        self.workspace = solver.makeWorkspace()
    }

    /// Solves the θ-space row `input` (floored in place first) into `solution`, n values —
    /// e.g. a row of a result matrix; `row` attributes errors to a batch row.
    mutating func solve(_ input: inout [Float], row: Int, into solution: UnsafeMutableBufferPointer<Float>) throws(SolverError) {
        if let bad = input.firstNonFiniteIndex(in: input.indices) {
            throw SolverError(.nonFiniteParameter,
                              "a perturbed θ is not finite; reduce λ, the noise temperature or the magnitude of ∂L/∂z",
                              row: row, index: bad)
        }
        if let floor {
            for j in input.indices where input[j] < floor { input[j] = floor }
        }
        var scratch = workspace.take() ?? solver.makeWorkspace()
        defer { workspace = scratch }
        var result = solution.mutableSpan
        do throws(SolverError) {
            try solver.solve(input.span, into: &result, workspace: &scratch)
        } catch {
            throw error.inRow(row)
        }
    }

    /// Solves `input` into the array `solution` (n values).
    mutating func solve(_ input: inout [Float], row: Int, into solution: inout [Float]) throws(SolverError) {
        try solution.withUnsafeMutableBufferPointer { (buffer) throws(SolverError) in
            try solve(&input, row: row, into: buffer)
        }
    }
}
