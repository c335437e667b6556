import DifferentiableSolvers
import DiscreteVAEKit
import GraphCutSolver
import Testing

@Suite("The general pairwise encoder's MAP (GLPK) against brute force")
struct GeneralPairwiseSolverTests {
    static let nodes = 5
    static let pairs = (0..<nodes).flatMap { i in (i + 1 ..< nodes).map { (i, $0) } }

    /// max over all 2ⁿ states of Σᵢ θᵢ zᵢ + Σₑ θₑ zᵢ zⱼ, by enumeration.
    static func bruteForceOptimum(_ theta: [Float], nodes: Int, edges: [(Int, Int)]) -> Double {
        var best = -Double.infinity
        for state in 0 ..< (1 << nodes) {
            let z = (0..<nodes).map { Double((state >> $0) & 1) }
            var value = 0.0
            for i in 0..<nodes { value += Double(theta[i]) * z[i] }
            for (e, (i, j)) in edges.enumerated() { value += Double(theta[nodes + e]) * z[i] * z[j] }
            best = max(best, value)
        }
        return best
    }

    @Test("optimal, with yᵢⱼ = zᵢ zⱼ, for weights of either sign", arguments: 1 ... 40)
    func matchesEnumeration(seed: UInt64) throws {
        let solver = try GeneralPairwiseSolver(nodeCount: Self.nodes, edges: Self.pairs)
        var rng = SeededGenerator(seed: seed)
        let theta = (0 ..< solver.variableCount!).map { _ in Float(2 * rng.nextNormal()) }
        let statistics = try solver.solve(row: theta)
        #expect(statistics.count == Self.nodes + Self.pairs.count)
        #expect(statistics.allSatisfy { $0 == 0 || $0 == 1 })
        for (e, (i, j)) in Self.pairs.enumerated() {
            #expect(statistics[Self.nodes + e] == statistics[i] * statistics[j], "edge \(e)")
        }
        let optimum = Self.bruteForceOptimum(theta, nodes: Self.nodes, edges: Self.pairs)
        #expect(abs(solver.objective(of: statistics, at: theta) - optimum) < 1e-4)
    }

    @Test("the same optimum as the graph cut on supermodular weights", arguments: 41 ... 60)
    func agreesWithGraphCut(seed: UInt64) throws {
        let general = try GeneralPairwiseSolver(nodeCount: Self.nodes, edges: Self.pairs)
        let cut = try GraphCutSolver(nodeCount: Self.nodes, edges: Self.pairs)
        var rng = SeededGenerator(seed: seed)
        let theta = (0 ..< general.variableCount!).map { index in
            Float(index < Self.nodes ? 2 * rng.nextNormal() : abs(rng.nextNormal()))
        }
        let fromProgram = general.objective(of: try general.solve(row: theta), at: theta)
        let fromCut = cut.objective(of: try cut.solve(row: theta), at: theta)
        #expect(abs(fromProgram - fromCut) < 1e-4)
    }

    @Test("malformed structures are typed errors", arguments: [[(0, 0)], [(0, 1), (1, 0)], [(0, 5)], [(-1, 2)]])
    func malformed(edges: [(Int, Int)]) {
        #expect(throws: SolverError.self) { try GeneralPairwiseSolver(nodeCount: Self.nodes, edges: edges) }
        #expect(throws: SolverError.self) { try GeneralPairwiseSolver(nodeCount: 0, edges: []) }
    }

    @Test("θ of the wrong length or with NaN is refused")
    func badTheta() throws {
        let solver = try GeneralPairwiseSolver(nodeCount: 3, edges: [(0, 1), (1, 2)])
        #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, 3]) }
        #expect(throws: SolverError.self) { try solver.solve(row: [1, .nan, 3, 0, 0]) }
    }
}
