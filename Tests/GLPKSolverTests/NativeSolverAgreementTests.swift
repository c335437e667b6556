import CombinatorialSolvers
import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

/// At sizes beyond brute force, the ILP oracle and the native solvers are independent
/// implementations of the same MAP: they must agree on the optimal value.
@Suite("GLPK agrees with the native solvers at larger sizes")
struct NativeSolverAgreementTests {
    @Test("15 × 15 assignment as a binary ILP vs the Hungarian method, 500 instances")
    func assignment() throws {
        var rng = SeededGenerator(seed: 21)
        let n = 15
        for instance in 0..<500 {
            let sense: OptimizationSense = instance % 2 == 0 ? .maximize : .minimize
            let theta = ILPInstances.uniform(n * n, -5, 5, using: &rng)
            let ilp = try LinearProgramSolver(model: ILPInstances.assignment(size: n, kind: .binary, sense: sense)).solve(row: theta)
            let native = try LinearAssignment(size: n, sense: sense).solve(row: theta)
            #expect(isApproximatelyEqual(BruteForce.objective(ilp, theta), BruteForce.objective(native, theta), relative: 1e-5),
                    "instance \(instance)")
        }
    }

    @Test("PyEPO's 5 × 5 grid shortest path as a flow ILP vs the native DAG solver, 500 instances")
    func directedGridShortestPath() throws {
        let native = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
        // One binary per arc; flow conservation: one unit leaves the source, one enters the target.
        let conservation = (0..<native.vertexCount).map { vertex in
            let terms = native.arcs.enumerated().compactMap { index, arc -> LinearProgram.Term? in
                arc.source == vertex ? .init(index, 1) : arc.target == vertex ? .init(index, -1) : nil
            }
            let balance: Double = vertex == native.source ? 1 : vertex == native.target ? -1 : 0
            return LinearProgram.Constraint(terms: terms, bounds: .exactly(balance))
        }
        let program = LinearProgram(sense: .minimize, variables: Array(repeating: .binary(), count: native.arcs.count),
                                    constraints: conservation)
        let ilp = try LinearProgramSolver(model: program)
        #expect(native.arcs.count == 40)
        var rng = SeededGenerator(seed: 22)
        for instance in 0..<500 {
            let theta = ILPInstances.uniform(40, 0, 10, using: &rng)
            let a = try ilp.solve(row: theta), b = try native.solve(row: theta)
            #expect(isApproximatelyEqual(BruteForce.objective(a, theta), BruteForce.objective(b, theta), relative: 1e-5),
                    "instance \(instance)")
        }
    }

    @Test("30-item 0/1 knapsack as an ILP vs the native dynamic program, 500 instances")
    func knapsack() throws {
        var rng = SeededGenerator(seed: 23)
        for instance in 0..<500 {
            let (program, weights, capacities) = ILPInstances.knapsack(items: 30, dimensions: 1, using: &rng)
            let theta = ILPInstances.uniform(30, 0, 10, using: &rng)
            let ilp = try LinearProgramSolver(model: program).solve(row: theta)
            let native = try Knapsack(weights: weights[0], capacity: capacities[0]).solve(row: theta)
            #expect(isApproximatelyEqual(BruteForce.objective(ilp, theta), BruteForce.objective(native, theta), relative: 1e-5),
                    "instance \(instance)")
        }
    }
}
