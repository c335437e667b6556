import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("LinearProgramSolver on hand-computed programs")
struct LinearProgramSolverTests {
    /// max θ·(x, y) s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0. Vertices: (0,0), (2,0), (1.6,1.2), (0,2).
    static let twoByTwo = LinearProgram(
        sense: .maximize,
        variables: [.continuous("x"), .continuous("y")],
        constraints: [.init(dense: [1, 2], bounds: .atMost(4)), .init(dense: [3, 1], bounds: .atMost(6))])

    @Test("an LP is solved at the right vertex by the simplex method",
          arguments: [([1, 1], [1.6, 1.2]), ([1, 0], [2, 0]), ([0, 1], [0, 2]), ([-1, -1], [0, 0])] as [([Float], [Float])])
    func linearProgramVertex(theta: [Float], vertex: [Float]) throws {
        let z = try LinearProgramSolver(model: Self.twoByTwo).solve(row: theta)
        #expect(isApproximatelyEqual(z, vertex), "\(z)")
    }

    @Test("reusing a workspace across objectives gives the same answers as fresh solves")
    func workspaceReuse() throws {
        let solver = try LinearProgramSolver(model: Self.twoByTwo)
        var workspace = solver.makeWorkspace()
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            let theta = ILPInstances.uniform(2, -1, 1, using: &rng)
            let reused = try solver.solveReportingStatus(theta, workspace: &workspace)
            let fresh = try solver.solveReportingStatus(theta)
            #expect(isApproximatelyEqual(reused.objective, fresh.objective, absolute: 1e-9))
            #expect(isApproximatelyEqual(reused.values, fresh.values))
            #expect(reused.isProvenOptimal)
        }
    }

    @Test("a program without constraints optimises each variable over its bounds",
          arguments: [VariableKind.continuous, .integer])
    func boundsOnly(kind: VariableKind) throws {
        let program = LinearProgram(sense: .minimize,
                                    variables: Array(repeating: .init(kind: kind, bounds: .between(-2, 3)), count: 3),
                                    constraints: [])
        let z = try LinearProgramSolver(model: program).solve(row: [1, -1, 0.5])
        #expect(z == [-2, 3, -2])
    }

    @Test("integer variables take integral values: max x + y s.t. 2x + 2y ≤ 5 gives 2, not 2.5")
    func integrality() throws {
        let program = LinearProgram(sense: .maximize,
                                    variables: [.integer(), .integer()],
                                    constraints: [.init(dense: [2, 2], bounds: .atMost(5))])
        let result = try LinearProgramSolver(model: program).solveReportingStatus([1, 1])
        #expect(result.objective == 2)
        #expect(result.values.allSatisfy { $0 == $0.rounded() })
    }

    @Test("batches agree with serial solves for any thread count", arguments: [2, 3, 4, 8])
    func parallelBatches(threads: Int) throws {
        var rng = SeededGenerator(seed: 21, stream: [UInt64(threads)])
        let (program, weights, capacities) = ILPInstances.knapsack(items: 12, dimensions: 2, using: &rng)
        let solver = try LinearProgramSolver(model: program)
        let rows = 120
        let theta = Matrix(rows: rows, columns: 12, values: ILPInstances.uniform(rows * 12, -1, 5, using: &rng))
        let serial = try solver.solveBatch(theta, parallelism: .serial)
        let parallel = try solver.solveBatch(theta, parallelism: .threads(threads))
        #expect(parallel == serial)
        for r in 0..<rows {
            let truth = ILPBruteForce.knapsackOptimum(theta: theta.row(r), weights: weights, capacities: capacities)
            #expect(isApproximatelyEqual(BruteForce.objective(parallel.row(r), theta.row(r)), truth), "row \(r)")
        }
    }

    @Test("LP batches are identical to serial solves under concurrency and optimal", arguments: [2, 4])
    func parallelLinearBatches(threads: Int) throws {
        let solver = try LinearProgramSolver(model: ILPInstances.assignment(size: 5, kind: .continuous, sense: .minimize))
        var rng = SeededGenerator(seed: 22)
        let theta = Matrix(rows: 64, columns: 25, values: ILPInstances.uniform(64 * 25, 0, 1, using: &rng))
        let serial = try solver.solveBatch(theta, parallelism: .serial)
        let parallel = try solver.solveBatch(theta, parallelism: .threads(threads))
        #expect(parallel == serial)
        let permutations = BruteForce.permutations(of: 5)
        for r in 0..<theta.rows {
            let truth = ILPBruteForce.assignmentOptimum(theta: theta.row(r), permutations: permutations, sense: .minimize)
            #expect(isApproximatelyEqual(BruteForce.objective(parallel.row(r), theta.row(r)), truth, relative: 1e-5),
                    "row \(r)")
        }
    }
}
