import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Knapsacks as ILPs agree with independent truth")
struct KnapsackPropertyTests {
    static let instanceCount = 500

    @Test("0/1 knapsack with 10 items matches brute force")
    func tenItemsAgainstBruteForce() throws {
        var rng = SeededGenerator(seed: 5, stream: [10])
        for instance in 0..<Self.instanceCount {
            let (program, weights, capacities) = ILPInstances.knapsack(items: 10, dimensions: 1, using: &rng)
            let theta = ILPInstances.uniform(10, -2, 10, using: &rng)
            try expectOptimal(program: program, theta: theta, weights: weights, capacities: capacities,
                              instance: instance)
        }
    }

    @Test("0/1 knapsack with 30 items matches dynamic programming")
    func thirtyItemsAgainstDynamicProgramming() throws {
        var rng = SeededGenerator(seed: 5, stream: [30])
        for instance in 0..<Self.instanceCount {
            let (program, weights, capacities) = ILPInstances.knapsack(items: 30, dimensions: 1, using: &rng)
            let theta = ILPInstances.uniform(30, -2, 10, using: &rng)
            let z = try LinearProgramSolver(model: program).solve(row: theta)
            let truth = KnapsackDynamicProgram.optimum(values: theta.map(Double.init), weights: weights[0],
                                                       capacity: capacities[0])
            #expect(Self.isFeasible(z, weights: weights, capacities: capacities), "instance \(instance)")
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth),
                    "instance \(instance): GLPK \(BruteForce.objective(z, theta)) vs DP \(truth)")
        }
    }

    @Test("multi-dimensional knapsack (10 items, 3 capacity rows) matches brute force")
    func multiDimensionalAgainstBruteForce() throws {
        var rng = SeededGenerator(seed: 5, stream: [3])
        for instance in 0..<Self.instanceCount {
            let (program, weights, capacities) = ILPInstances.knapsack(items: 10, dimensions: 3, using: &rng)
            let theta = ILPInstances.uniform(10, -2, 10, using: &rng)
            try expectOptimal(program: program, theta: theta, weights: weights, capacities: capacities,
                              instance: instance)
        }
    }

    private func expectOptimal(program: LinearProgram, theta: [Float], weights: [[Int]], capacities: [Int],
                               instance: Int) throws {
        let z = try LinearProgramSolver(model: program).solve(row: theta)
        let truth = ILPBruteForce.knapsackOptimum(theta: theta, weights: weights, capacities: capacities)
        #expect(Self.isFeasible(z, weights: weights, capacities: capacities), "instance \(instance)")
        #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth),
                "instance \(instance): GLPK \(BruteForce.objective(z, theta)) vs brute force \(truth)")
    }

    static func isFeasible(_ z: [Float], weights: [[Int]], capacities: [Int]) -> Bool {
        z.allSatisfy { $0 == 0 || $0 == 1 }
            && zip(weights, capacities).allSatisfy { row, capacity in
                zip(row, z).reduce(0) { $0 + Float($1.0) * $1.1 } <= Float(capacity)
            }
    }
}
