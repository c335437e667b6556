import SolverRegistry
import CombinatorialSolvers
import DifferentiableSolvers
import SolverConformance
import Testing

/// The package's own solvers pass the conformance kit.
@Suite("Conformance of argmax, top-k and knapsack")
struct ConformingSolversTests {
    @Test("argmax conforms in both senses", arguments: OptimizationSense.allCases)
    func argmax(sense: OptimizationSense) throws {
        let report = try SolverConformance.check(ConformanceConfiguration(instanceCount: 40, seed: 1)) { rng in
            let n = 1 + Int(rng.next() % 7)
            return ConformanceInstance(solver: Argmax(sense: sense), theta: RandomTheta.rows(4, length: n, using: &rng),
                                       feasibleStates: ExhaustiveSearch.oneHotVectors(length: n),
                                       oppositeSense: Argmax(sense: sense.flipped))
        }
        #expect(report.instances == 40 && report.rows == 160)
        #expect(Set(report.passed.keys) == Set(ConformanceCheck.allCases))
        #expect(report.passed.values.allSatisfy { $0 == 40 })
    }

    @Test("top-k conforms in both senses", arguments: OptimizationSense.allCases)
    func topK(sense: OptimizationSense) throws {
        let report = try SolverConformance.check(ConformanceConfiguration(instanceCount: 40, seed: 2)) { rng in
            let n = 1 + Int(rng.next() % 8), k = 1 + Int(rng.next() % UInt64(n))
            return ConformanceInstance(solver: TopK(k: k, sense: sense), theta: RandomTheta.rows(4, length: n, using: &rng),
                                       feasibleStates: try ExhaustiveSearch.kHotVectors(length: n, k: k),
                                       oppositeSense: TopK(k: k, sense: sense.flipped))
        }
        #expect(report.passed[.optimality] == 40 && report.passed[.sense] == 40)
    }

    @Test("knapsack conforms in both senses", arguments: OptimizationSense.allCases)
    func knapsack(sense: OptimizationSense) throws {
        let report = try SolverConformance.check(ConformanceConfiguration(instanceCount: 60, seed: 3)) { rng in
            try Self.knapsackInstance(sense: sense, using: &rng)
        }
        #expect(report.passed[.feasibility] == 60 && report.passed[.badInput] == 60)
    }

    /// A random knapsack of 1…8 items with weights 0…6 and a capacity up to their sum.
    static func knapsackInstance(sense: OptimizationSense, using rng: inout SeededGenerator) throws
        -> ConformanceInstance<Knapsack>
    {
        let n = 1 + Int(rng.next() % 8)
        let weights = (0..<n).map { _ in Int(rng.next() % 7) }
        let capacity = Int(rng.next() % UInt64(weights.reduce(0, +) + 2))
        let fits: ([Float]) -> Bool = { z in zip(z, weights).reduce(0) { $0 + Int($1.0) * $1.1 } <= capacity }
        return ConformanceInstance(
            solver: try Knapsack(weights: weights, capacity: capacity, sense: sense),
            theta: RandomTheta.rows(4, length: n, using: &rng),
            feasibleStates: try ExhaustiveSearch.binaryVectors(length: n, where: fits),
            oppositeSense: try Knapsack(weights: weights, capacity: capacity, sense: sense.flipped))
    }

    @Test("a solver built by the registry conforms through AnyMAPSolver")
    func erasedSolver() throws {
        let registry = SolverRegistry()
        try registerCombinatorialSolvers(in: registry)
        try SolverConformance.check(ConformanceConfiguration(instanceCount: 20, seed: 4)) { rng in
            let n = 2 + Int(rng.next() % 6)
            return ConformanceInstance(
                solver: try registry.makeSolver(named: "top-k", options: ["k": 2]),
                theta: RandomTheta.rows(3, length: n, using: &rng),
                feasibleStates: try ExhaustiveSearch.kHotVectors(length: n, k: 2),
                oppositeSense: try registry.makeSolver(named: "top-k", options: ["k": 2, "sense": "minimize"]))
        }
    }
}

@Suite("Exhaustive search")
struct ExhaustiveSearchTests {
    @Test("enumerations have the right sizes")
    func counts() throws {
        #expect(try ExhaustiveSearch.binaryVectors(length: 4).count == 16)
        #expect(try Set(ExhaustiveSearch.binaryVectors(length: 4)).count == 16)
        #expect(try ExhaustiveSearch.kHotVectors(length: 5, k: 2).count == 10)
        #expect(ExhaustiveSearch.oneHotVectors(length: 3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(throws: ConformanceFailure.self) { try ExhaustiveSearch.binaryVectors(length: 21) }
    }

    @Test("the optimum is the hand-computed one")
    func optimum() throws {
        let states = try ExhaustiveSearch.binaryVectors(length: 4) { $0.reduce(0, +) <= 2 }
        let best = try ExhaustiveSearch.optimum(of: [1, -2, 3, 0.5], over: states, sense: .maximize)
        #expect(best.value == 4 && best.state == [1, 0, 1, 0])
        let worst = try ExhaustiveSearch.optimum(of: [1, -2, 3, 0.5], over: states, sense: .minimize)
        #expect(worst.value == -2 && worst.state == [0, 1, 0, 0])
        #expect(throws: ConformanceFailure.self) { try ExhaustiveSearch.optimum(of: [1], over: [], sense: .maximize) }
    }
}
