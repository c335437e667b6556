import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Bad input yields typed errors and the process keeps running")
struct BadInputTests {
    static let pick = LinearProgram(sense: .maximize, variables: [.binary(), .binary()],
                                    constraints: [.init(dense: [1, 1], bounds: .atMost(1))])

    /// A solve after a failure proves the process and GLPK are still fine.
    static func expectGLPKStillWorks() throws {
        #expect(try LinearProgramSolver(model: pick).solve(row: [1, 2]) == [0, 1])
    }

    static let invalidStructures: [(String, LinearProgram)] = [
        ("no variables", LinearProgram(sense: .maximize, variables: [], constraints: [])),
        ("lower bound above upper bound",
         LinearProgram(sense: .maximize, variables: [.continuous(bounds: .between(2, 1))], constraints: [])),
        ("NaN bound", LinearProgram(sense: .maximize, variables: [.continuous(bounds: .atMost(.nan))], constraints: [])),
        ("lower bound +∞",
         LinearProgram(sense: .maximize, variables: [.continuous(bounds: .atLeast(.infinity))], constraints: [])),
        ("binary with other bounds",
         LinearProgram(sense: .maximize, variables: [.init(kind: .binary, bounds: .between(0, 2))], constraints: [])),
        ("integer with fractional bound",
         LinearProgram(sense: .maximize, variables: [.integer(bounds: .between(0, 2.5))], constraints: [])),
        ("NaN constraint coefficient",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [.init(terms: [.init(0, .nan)], bounds: .atMost(1))])),
        ("infinite constraint coefficient",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [.init(terms: [.init(0, .infinity)], bounds: .atMost(1))])),
        ("variable index out of range",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [.init(terms: [.init(1, 1)], bounds: .atMost(1))])),
        ("negative variable index",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [.init(terms: [.init(-1, 1)], bounds: .atMost(1))])),
        ("duplicate term",
         LinearProgram(sense: .maximize, variables: [.binary()],
                       constraints: [.init(terms: [.init(0, 1), .init(0, 2)], bounds: .atMost(1))])),
        ("inconsistent constraint bounds",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [.init(dense: [1], bounds: .between(1, 0))])),
        ("objective of the wrong length",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [], objective: [1, 2])),
        ("NaN objective coefficient",
         LinearProgram(sense: .maximize, variables: [.binary()], constraints: [], objective: [.nan])),
    ]

    @Test("invalid structures are rejected before GLPK sees them", arguments: invalidStructures)
    func invalidStructure(label: String, program: LinearProgram) throws {
        let error = #expect(throws: SolverError.self, "\(label)") { try LinearProgramSolver(model: program) }
        #expect(error?.kind == .invalidStructure, "\(label): \(error?.description ?? "")")
        try Self.expectGLPKStillWorks()
    }

    @Test("invalid options are rejected",
          arguments: [GLPKOptions(relativeMIPGap: -1), GLPKOptions(relativeMIPGap: .nan),
                      GLPKOptions(timeLimit: .zero), GLPKOptions(timeLimit: .seconds(-1))])
    func invalidOptions(options: GLPKOptions) {
        let error = #expect(throws: SolverError.self) { try LinearProgramSolver(model: Self.pick, options: options) }
        #expect(error?.kind == .invalidOption)
    }

    @Test("θ of the wrong length is a shape mismatch on every entry point")
    func wrongLength() throws {
        let solver = try LinearProgramSolver(model: Self.pick)
        #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, 3]) }
        let error = #expect(throws: SolverError.self) { try solver.solveReportingStatus([1]) }
        #expect(error?.kind == .shapeMismatch)
        let batch = #expect(throws: SolverError.self) {
            try solver.solveBatch(Matrix(rows: 1, columns: 3, values: [1, 2, 3]), parallelism: .serial)
        }
        #expect(batch?.kind == .shapeMismatch)
        try Self.expectGLPKStillWorks()
    }

    @Test("a NaN or infinite objective is reported with its index on every entry point",
          arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteObjective(value: Float) throws {
        let solver = try LinearProgramSolver(model: Self.pick)
        let direct = #expect(throws: SolverError.self) { try solver.solveReportingStatus([1, value]) }
        #expect(direct?.kind == .nonFiniteParameter)
        #expect(direct?.index == 1)
        let batch = #expect(throws: SolverError.self) {
            try solver.solveBatch(Matrix(rows: 2, columns: 2, values: [1, 2, value, 0]), parallelism: .threads(2))
        }
        #expect(batch?.kind == .nonFiniteParameter)
        #expect(batch?.row == 1)
        #expect(batch?.index == 0)
        try Self.expectGLPKStillWorks()
    }

    @Test("infeasible programs are reported as .infeasible", arguments: [VariableKind.continuous, .integer, .binary])
    func infeasible(kind: VariableKind) throws {
        // x + y ≥ 3 with 0 ≤ x, y ≤ 1.
        let variable = LinearProgram.Variable(kind: kind, bounds: .between(0, 1))
        let program = LinearProgram(sense: .maximize, variables: [variable, variable],
                                    constraints: [.init(dense: [1, 1], bounds: .atLeast(3))])
        let error = #expect(throws: SolverError.self) { try LinearProgramSolver(model: program).solve(row: [1, 1]) }
        #expect(error?.kind == .infeasible, "\(error?.description ?? "")")
        try Self.expectGLPKStillWorks()
    }

    @Test("an integer-infeasible program with a feasible relaxation is .infeasible")
    func integerInfeasible() throws {
        // 2x = 1 has the LP solution x = 0.5 but no integer solution.
        let program = LinearProgram(sense: .maximize, variables: [.integer(bounds: .between(0, 5))],
                                    constraints: [.init(dense: [2], bounds: .exactly(1))])
        let error = #expect(throws: SolverError.self) { try LinearProgramSolver(model: program).solve(row: [1]) }
        #expect(error?.kind == .infeasible, "\(error?.description ?? "")")
    }

    @Test("unbounded programs are reported as .unbounded", arguments: [VariableKind.continuous, .integer])
    func unbounded(kind: VariableKind) throws {
        // max x + y s.t. x − y ≤ 1, x, y ≥ 0.
        let variable = LinearProgram.Variable(kind: kind, bounds: .nonNegative)
        let program = LinearProgram(sense: .maximize, variables: [variable, variable],
                                    constraints: [.init(dense: [1, -1], bounds: .atMost(1))])
        let solver = try LinearProgramSolver(model: program)
        let error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 1]) }
        #expect(error?.kind == .unbounded, "\(error?.description ?? "")")
        // The same structure is bounded for another θ.
        #expect(try solver.solve(row: [-1, -1]) == [0, 0])
    }

    @Test("a GLPK failure becomes .libraryFailure; the thread's workspace is rebuilt and solving goes on")
    func libraryFailureIsRecovered() throws {
        let solver = try LinearProgramSolver(model: Self.pick)
        var workspace = solver.makeWorkspace()
        #expect(try solver.solveReportingStatus([1, 2], workspace: &workspace).values == [0, 1])
        let failure = GLPKFailureProbe.provokeLibraryFailure()
        #expect(failure?.kind == .libraryFailure)
        #expect(failure?.message.contains("glp_add_cols") == true, "\(failure?.message ?? "")")
        // The failure freed this thread's GLPK environment, including the workspace's problem.
        #expect(try solver.solveReportingStatus([3, 2], workspace: &workspace).values == [1, 0])
        try Self.expectGLPKStillWorks()
    }
}
