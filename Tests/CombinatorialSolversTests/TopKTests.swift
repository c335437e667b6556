import CombinatorialSolvers
import DifferentiableSolvers
import _TestSupport
import Testing

@Suite("Argmax and top-k against brute force")
struct TopKTests {
    /// Weights drawn from a small set so that ties are frequent.
    static let tieValues: [Float] = [0.8, 1.2, 5.3, 7.7, 9.2, -1.2, -5.3]

    func randomRow(_ n: Int, _ generator: inout SeededGenerator, ties: Bool) -> [Float] {
        (0..<n).map { _ in
            ties ? Self.tieValues[Int(generator.next() % UInt64(Self.tieValues.count))] : Float(generator.nextNormal())
        }
    }

    @Test("top-k is optimal and feasible on 2,000 random instances per sense", arguments: OptimizationSense.allCases)
    func topKMatchesBruteForce(sense: OptimizationSense) throws {
        var generator = SeededGenerator(seed: 1, stream: [sense == .maximize ? 0 : 1])
        for instance in 0..<2000 {
            let n = 1 + Int(generator.next() % 9)
            let k = 1 + Int(generator.next() % UInt64(n))
            let theta = randomRow(n, &generator, ties: instance % 2 == 0)
            let z = try TopK(k: k, sense: sense).solve(row: theta)
            let states = BruteForce.binaryVectors(length: n) { $0.reduce(0, +) == Float(k) }
            let truth = BruteForce.optimum(of: theta, over: states, sense: sense)
            #expect(z.allSatisfy { $0 == 0 || $0 == 1 } && z.reduce(0, +) == Float(k))
            #expect(abs(BruteForce.objective(z, theta) - truth.value) <= 1e-5 * max(1, abs(truth.value)))
        }
    }

    @Test("argmax is optimal and feasible on 2,000 random instances per sense", arguments: OptimizationSense.allCases)
    func argmaxMatchesBruteForce(sense: OptimizationSense) throws {
        var generator = SeededGenerator(seed: 2, stream: [sense == .maximize ? 0 : 1])
        for instance in 0..<2000 {
            let n = 1 + Int(generator.next() % 9)
            let theta = randomRow(n, &generator, ties: instance % 2 == 0)
            let z = try Argmax(sense: sense).solve(row: theta)
            let states = BruteForce.binaryVectors(length: n) { $0.reduce(0, +) == 1 }
            let truth = BruteForce.optimum(of: theta, over: states, sense: sense)
            #expect(z.reduce(0, +) == 1)
            #expect(BruteForce.objective(z, theta) == truth.value)
        }
    }

    @Test("ties go to the lowest index")
    func tieBreaking() throws {
        #expect(try TopK(k: 2).solve(row: [1, 3, 3, 3, 0]) == [0, 1, 1, 0, 0])
        #expect(try TopK(k: 2, sense: .minimize).solve(row: [2, 0, 1, 0, 0]) == [0, 1, 0, 1, 0])
        #expect(try Argmax().solve(row: [2, 5, 5]) == [0, 1, 0])
        #expect(try Argmax(sense: .minimize).solve(row: [2, -1, -1]) == [0, 1, 0])
    }

    @Test("batched solves equal single solves, for any thread count")
    func batchConsistency() throws {
        var generator = SeededGenerator(seed: 3)
        let rows = (0..<50).map { _ in randomRow(30, &generator, ties: true) }
        let batch = Matrix(stacking: rows)
        let solver = TopK(k: 7)
        let serial = try solver.solveBatch(batch, parallelism: .serial)
        #expect(try solver.solveBatch(batch, parallelism: .threads(2)) == serial)
        #expect(try solver.solveBatch(batch, parallelism: .threads(8)) == serial)
        for (r, row) in rows.enumerated() { #expect(try solver.solve(row: row) == serial.row(r)) }
    }

    @Test("bad input is a typed error naming the problem")
    func badInput() {
        #expect(throws: SolverError.self) { try TopK(k: 0).solve(row: [1, 2]) }
        #expect(throws: SolverError.self) { try TopK(k: 3).solve(row: [1, 2]) }
        #expect(throws: SolverError.self) { try Argmax().solve(row: []) }
        do {
            _ = try TopK(k: 1).solveBatch(Matrix(rows: 2, columns: 2, values: [1, 2, .nan, 0]))
            Issue.record("NaN accepted")
        } catch {
            #expect(error.kind == .nonFiniteParameter)
            #expect(error.row == 1 && error.index == 0)
        }
        do {
            _ = try TopK(k: 1).solveBatch(Matrix(rows: 2, columns: 2, values: [1, 2, 3]))
            Issue.record("ragged batch accepted")
        } catch {
            #expect(error.kind == .shapeMismatch)
        }
    }
}
