import SolverRegistry
import DifferentiableSolvers
import DsolveCore
import GLPKSolver
import Testing
import _TestSupport

/// Bugs the reliability matrices found, pinned one by one.
@Suite("Regressions found by the reliability matrices")
struct RegressionTests {
    @Test("ilp.glpk: a huge time limit is a typed error, not an Int64 overflow trap")
    func hugeTimeLimit() throws {
        let registry = try DefaultSolverRegistry.make()
        for seconds in [1e300, 1e16] {
            #expect(throws: RegistryError.self) {
                try registry.makeSolver(named: "ilp.glpk", options: ["model": .string(knapsackModelPath), "time-limit": .number(seconds)])
            }
        }
        _ = try registry.makeSolver(named: "ilp.glpk", options: ["model": .string(knapsackModelPath), "time-limit": 3600])
    }

    @Test("ilp.glpk: tiny objective coefficients still give the MAP (GLPK's tolerances are absolute)",
          arguments: [Float(1e-8), 1e-20, 1e-30])
    func tinyObjective(scale: Float) throws {
        let solver = try DefaultSolverRegistry.make().makeSolver(named: "ilp.glpk", options: smallInstances["ilp.glpk"]!.options)
        // Values 2, 5, 6, 1, 7 and weights 2, 3, 4, 1, 5 with capacity 7: by enumeration of the
        // 32 subsets the best load is items 2 and 3 (value 11); the runner-up has value 9.
        let theta: [Float] = [2, 5, 6, 1, 7].map { $0 * scale }
        #expect(try solver.solve(row: theta) == [0, 1, 1, 0, 0])
    }

    @Test("graph sizes beyond Int32 are typed errors, not overflow traps or failed allocations")
    func hugeGraphs() {
        let registry = try? DefaultSolverRegistry.make()
        let sizes: [(name: String, options: [String: JSONValue])] = [
            ("spanning-tree.kruskal", ["vertices": 9_007_199_254_740_992]),
            ("spanning-tree.kruskal", ["vertices": 2_147_483_648]),
            ("shortest-path.directed-grid", ["rows": 2_147_483_648, "columns": 3]),
            ("shortest-path.directed-grid", ["rows": 9_007_199_254_740_992, "columns": 9_007_199_254_740_992]),
            ("shortest-path.graph", ["vertices": 9_007_199_254_740_992, "arcs": [0, 1], "source": 0, "target": 1]),
        ]
        for (name, options) in sizes {
            #expect(throws: RegistryError.self, "\(name) \(options)") {
                try registry?.makeSolver(named: name, options: options)
            }
        }
    }
}
