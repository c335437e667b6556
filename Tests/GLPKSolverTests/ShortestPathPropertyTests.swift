import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Shortest path on a DAG as an ILP agrees with path enumeration")
struct ShortestPathPropertyTests {
    @Test("0 → t paths in random DAGs with 4…8 vertices, 500 instances")
    func agreesWithEnumeration() throws {
        var rng = SeededGenerator(seed: 13)
        for instance in 0..<500 {
            let nodes = 4 + instance % 5
            let (program, edges) = ILPInstances.shortestPath(nodes: nodes, using: &rng)
            let theta = ILPInstances.uniform(edges.count, -2, 10, using: &rng)
            let z = try LinearProgramSolver(model: program).solve(row: theta)
            let paths = ILPInstances.allPaths(nodes: nodes, edges: edges)
            let truth = BruteForce.optimum(of: theta, over: paths, sense: .minimize)
            #expect(paths.contains(z), "instance \(instance): z is not a 0 → t path")
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5),
                    "instance \(instance): GLPK \(BruteForce.objective(z, theta)) vs enumeration \(truth.value)")
        }
    }
}
