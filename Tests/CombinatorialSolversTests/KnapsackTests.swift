import CombinatorialSolvers
import DifferentiableSolvers
import _TestSupport
import Testing

@Suite("0/1 knapsack by dynamic programming")
struct KnapsackTests {
    @Test("hand-computed instances")
    func handComputed() throws {
        let knapsack = try Knapsack(weights: [2, 3, 4], capacity: 5)
        #expect(try knapsack.solve(row: [3, 4, 6]) == [1, 1, 0])       // 7 > 6
        #expect(try knapsack.solve(row: [3, 4, 8]) == [0, 0, 1])       // 8 > 7
        #expect(try knapsack.solve(row: [-1, -1, -1]) == [0, 0, 0])    // nothing is worth taking
        let minimizing = try Knapsack(weights: [2, 3, 4], capacity: 5, sense: .minimize)
        #expect(try minimizing.solve(row: [-3, -4, -6]) == [1, 1, 0])
        #expect(try minimizing.solve(row: [1, 2, 3]) == [0, 0, 0])
        // Zero weights always fit; an item heavier than the capacity never does.
        #expect(try Knapsack(weights: [0, 9], capacity: 1).solve(row: [1, 5]) == [1, 0])
    }

    @Test("optimal and feasible against brute force on 1,500 random instances per sense", arguments: OptimizationSense.allCases)
    func bruteForce(sense: OptimizationSense) throws {
        var generator = SeededGenerator(seed: 21, stream: [sense == .maximize ? 0 : 1])
        for _ in 0..<1500 {
            let n = 1 + Int(generator.next() % 9)
            let weights = (0..<n).map { _ in Int(generator.next() % 8) }
            let capacity = Int(generator.next() % UInt64(weights.reduce(0, +) + 2))
            let theta = (0..<n).map { _ in generator.next() & 1 == 0 ? Float(Int(generator.next() % 5) - 2) : Float(generator.nextNormal()) }
            let z = try Knapsack(weights: weights, capacity: capacity, sense: sense).solve(row: theta)
            let weight: ([Float]) -> Int = { zip($0, weights).reduce(0) { $0 + Int($1.0) * $1.1 } }
            let states = BruteForce.binaryVectors(length: n) { weight($0) <= capacity }
            let truth = BruteForce.optimum(of: theta, over: states, sense: sense)
            #expect(z.allSatisfy { $0 == 0 || $0 == 1 } && weight(z) <= capacity)
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-6, absolute: 1e-6))
        }
    }

    @Test("invalid structures are typed errors")
    func invalidStructure() {
        #expect(throws: SolverError(.invalidStructure, "a knapsack needs at least one item")) {
            try Knapsack(weights: [], capacity: 3)
        }
        #expect(throws: SolverError(.invalidStructure, "item weights must be non-negative; item 1 weighs -2", index: 1)) {
            try Knapsack(weights: [1, -2], capacity: 3)
        }
        #expect(throws: SolverError(.invalidStructure, "the capacity must be non-negative, got -1")) {
            try Knapsack(weights: [1], capacity: -1)
        }
        for capacity in [Knapsack.maximumTableSize, Int.max] {
            do throws(SolverError) {
                _ = try Knapsack(weights: [1, 2], capacity: capacity)
                Issue.record("capacity \(capacity) must exceed the table limit")
            } catch {
                #expect(error.kind == .invalidStructure)
            }
        }
    }

    @Test("θ of the wrong length or with NaN is rejected")
    func badTheta() throws {
        let knapsack = try Knapsack(weights: [1, 2], capacity: 2)
        #expect(throws: SolverError.self) { try knapsack.solve(row: [1, 2, 3]) }
        do throws(SolverError) {
            _ = try knapsack.solve(row: [1, .nan])
            Issue.record("NaN must be rejected")
        } catch {
            #expect(error.kind == .nonFiniteParameter && error.index == 1)
        }
    }
}
