import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

@Suite struct RankingTests {
    @Test("Agrees with brute force over all permutations, 1,000 tie-prone instances per sense",
          arguments: OptimizationSense.allCases)
    func agreesWithBruteForce(sense: OptimizationSense) throws {
        let solver = Ranking(sense: sense)
        var rng = SeededGenerator(seed: 51, stream: [sense == .maximize ? 1 : 0])
        for n in 1...6 {
            let states = PermutationEnumeration.rankVectors(count: n)
            for _ in 0 ..< (n == 1 ? 10 : 198) {
                let theta = tieProneWeights(count: n, allowNegative: true, using: &rng)
                let z = try solver.solve(row: theta)
                #expect(PermutationEnumeration.isRankVector(z))
                let truth = BruteForce.optimum(of: theta, over: states, sense: sense)
                #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5))
            }
        }
    }

    @Test func documentedRanksAndTies() throws {
        #expect(try Ranking().solve(row: [0.3, -1, 2, 0.3]) == [2, 1, 4, 3])
        #expect(try Ranking(sense: .minimize).solve(row: [0.3, -1, 2]) == [2, 3, 1])
        #expect(try Ranking(sense: .minimize).solve(row: [5, 5, 1]) == [1, 2, 3])
        #expect(try Ranking().solve(row: [-0.0, 0.0]) == [1, 2])
        #expect(try Ranking().solve(row: [42]) == [1])
    }

    @Test func acceptsRowsOfAnyLength() throws {
        let solver = Ranking()
        #expect(solver.variableCount == nil)
        let batch = try solver.solveBatch(Matrix(rows: 2, columns: 5, values: [5, 4, 3, 2, 1, 1, 2, 3, 4, 5]))
        #expect(batch.values == [5, 4, 3, 2, 1, 1, 2, 3, 4, 5])
        // A workspace reused for rows of different lengths.
        var workspace = solver.makeWorkspace()
        for n in [3, 7, 2] {
            let theta = (0..<n).map { Float(n - $0) }
            var z = [Float](repeating: 0, count: n)
            var zSpan = z.mutableSpan
            try solver.solve(theta.span, into: &zSpan, workspace: &workspace)
            #expect(z == (0..<n).map { Float(n - $0) })
        }
    }

    @Test func reportsBadInput() throws {
        var error = #expect(throws: SolverError.self) { try Ranking().solve(row: [1, .nan]) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 1)
        error = #expect(throws: SolverError.self) { try Ranking().solve(row: []) }
        #expect(error?.kind == .shapeMismatch)
    }
}
