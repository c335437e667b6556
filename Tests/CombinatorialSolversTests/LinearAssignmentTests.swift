import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

@Suite struct LinearAssignmentTests {
    static let shapes: [(Int, Int)] = [(1, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2), (3, 3), (3, 5), (5, 3), (4, 4), (5, 5)]

    @Test("Agrees with brute force on 100 tie-prone instances per shape and sense",
          arguments: shapes, OptimizationSense.allCases)
    func agreesWithBruteForce(shape: (Int, Int), sense: OptimizationSense) throws {
        let (rows, columns) = shape
        let solver = try LinearAssignment(rows: rows, columns: columns, sense: sense)
        let states = PermutationEnumeration.assignments(rows: rows, columns: columns)
        var rng = SeededGenerator(seed: 41, stream: [UInt64(rows), UInt64(columns), sense == .maximize ? 1 : 0])
        for _ in 0..<100 {
            let theta = tieProneWeights(count: rows * columns, allowNegative: true, using: &rng)
            let z = try solver.solve(row: theta)
            #expect(PermutationEnumeration.isAssignment(z, rows: rows, columns: columns), "\(z)")
            let truth = BruteForce.optimum(of: theta, over: states, sense: sense)
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5))
        }
    }

    @Test func handComputedAssignments() throws {
        let maximize = try LinearAssignment(size: 2)
        #expect(try maximize.solve(row: [1, 3, 2, 5]) == [1, 0, 0, 1])
        let minimize = try LinearAssignment(size: 3, sense: .minimize)
        // The unique optimum picks (0, 1), (1, 0), (2, 2): 1 + 2 + 2 = 5.
        #expect(try minimize.solve(row: [4, 1, 3,
                                         2, 0, 5,
                                         3, 2, 2]) == [0, 1, 0,
                                                      1, 0, 0,
                                                      0, 0, 1])
        // Wide matrix: each row takes its best column, which differ.
        let wide = try LinearAssignment(rows: 2, columns: 3)
        #expect(try wide.solve(row: [0, 9, 1, 8, 9, 0]) == [0, 1, 0, 1, 0, 0])
        // Tall matrix: each column gets a distinct row.
        let tall = try LinearAssignment(rows: 3, columns: 2)
        #expect(try tall.solve(row: [0, 1, 5, 6, 2, 7]) == [0, 0, 1, 0, 0, 1])
    }

    @Test func reportsBadInput() throws {
        let solver = try LinearAssignment(size: 2)
        var error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, .infinity, 0]) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 2)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, 3]) }
        #expect(error?.kind == .shapeMismatch)
        error = #expect(throws: SolverError.self) { try LinearAssignment(rows: 0, columns: 3) }
        #expect(error?.kind == .invalidStructure)
    }
}
