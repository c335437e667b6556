import SolverRegistry
import DifferentiableSolvers
import DsolveCore
import Testing
import _TestSupport

/// Every registered solver × every hostile θ batch: a typed error or a feasible answer, never a trap.
@Suite("Bad-input matrix: every registered solver × hostile θ")
struct BadParameterMatrixTests {
    /// Solvers whose objective has terms that do not scale with θ (graph cut's fixed pairwise
    /// weights), so that MAP(s·θ) and MAP(θ) differ legitimately.
    static let notHomogeneous: Set = ["graph-cut.bk"]

    @Test("every registered solver has a small instance and an independent feasibility check")
    func coverage() throws {
        let names = try DefaultSolverRegistry.make().names
        #expect(!names.isEmpty)
        #expect(names == RegisteredSolvers.names)
        for name in names {
            #expect(smallInstances[name] != nil, "\(MissingFixture(name: name, table: "smallInstances"))")
            #expect(FeasibleSets.checks[name] != nil, "\(MissingFixture(name: name, table: "FeasibleSets.checks"))")
        }
    }

    @Test("a typed error or a feasible answer", arguments: RegisteredSolvers.names, BadParameters.allCases)
    func hostileParameters(name: String, input: BadParameters) throws {
        let (solver, n) = try RegisteredSolvers.small(name)
        guard let isFeasible = FeasibleSets.checks[name] else { throw MissingFixture(name: name, table: "FeasibleSets.checks") }
        let rows = RegisteredSolvers.rows(solver, variables: n, count: 8)
        let theta = input.matrix(base: rows[0], rows: rows)
        let parallelism: Parallelism = input == .manyRows ? .threads(2) : .serial
        let z: Matrix
        do throws(SolverError) {
            z = try solver.solveBatch(theta, parallelism: parallelism)
        } catch {
            #expect(!error.message.isEmpty)
            switch input {
            case .notANumber, .positiveInfinity, .negativeInfinity: #expect(error.kind == .nonFiniteParameter, "\(error)")
            case .inconsistentShape: #expect(error.kind == .shapeMismatch, "\(error)")
            default: break
            }
            return
        }
        #expect(!input.mustFail, "\(name) answered a batch it must refuse: \(z)")
        try #require(z.isConsistent && z.rows == theta.rows && z.columns == theta.columns,
                     "answer of shape \(z.rows) × \(z.columns) for θ of shape \(theta.rows) × \(theta.columns)")
        if let expected = solver.variableCount {
            try #require(z.columns == expected, "\(name) answered θ rows of \(z.columns) entries; it expects \(expected)")
        }
        for r in 0..<z.rows {
            let row = z.row(r)
            if let problem = isFeasible(solver.base, row) {
                Issue.record("\(name), \(input), row \(r): infeasible answer \(row): \(problem)")
                return
            }
        }
        if let scale = input.scale, !Self.notHomogeneous.contains(name) {
            // MAP(s·θ) = MAP(sign(s)·θ) for s ≠ 0: compare objectives, so that ties may break either way.
            let signed = rows[0].map { scale < 0 ? -$0 : $0 }
            let reference = try solver.solve(row: signed)
            let expected = solver.objective(of: reference, at: signed)
            let actual = solver.objective(of: z.row(0), at: signed)
            let slack = 1e-5 * signed.reduce(0) { $0 + abs(Double($1)) }
            #expect(abs(actual - expected) <= slack,
                    "\(name): the answer at \(scale)·θ has objective \(actual) at sign(s)·θ; a MAP has \(expected)")
        }
        if input == .manyRows {
            #expect(try solver.solveBatch(theta, parallelism: .serial) == z, "\(name): two threads and one disagree")
        }
    }
}
