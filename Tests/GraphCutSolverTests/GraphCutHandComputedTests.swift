import DifferentiableSolvers
@testable import GraphCutSolver
import Testing

@Suite("Hand-computed cases")
struct GraphCutHandComputedTests {
    @Test("a path where a strong bond wins a losing node")
    func pathExample() throws {
        let solver = try GraphCutSolver(nodeCount: 3, edges: [(0, 1), (1, 2)])
        // f([1,1,0]) = 1 − 0.4 + 0.6 = 1.2 beats f([1,0,0]) = 1 and f([1,1,1]) = 0.3.
        #expect(try solver.solve(row: [1, -0.4, -1, 0.6, 0.1]) == [1, 1, 0, 1, 0])
        #expect(solver.variableCount == 5)
    }

    @Test("the certificate of a two-node graph")
    func twoNodeCertificate() throws {
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)])
        let cut = try solver.minimumCut(theta: [0.5, -0.3, 1])
        #expect(cut.labelling == [1, 1])
        #expect(cut.sufficientStatistics == [1, 1, 1])
        // c₀ = −0.5 − 0.5 = −1 (arc s→0 of 1, offset −1); c₁ = 0.3 − 0.5 = −0.2 (s→1, offset
        // −0.2); arcs 0⇄1 of 0.5: nothing reaches t, so the flow is 0.
        #expect(abs(cut.energyOffset - -1.2) < 1e-6)
        #expect(cut.maximumFlow == 0)
        #expect(abs(cut.optimalObjective - 1.2) < 1e-6)
    }

    @Test("minimising with non-positive weights")
    func minimisation() throws {
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)], sense: .minimize)
        // g(z) = −0.5 z₀ + 0.3 z₁ − 1 z₀z₁: g(1,1) = −1.2 is the minimum.
        #expect(try solver.solve(row: [-0.5, 0.3, -1]) == [1, 1, 1])
        #expect(solver.sense == .minimize)
    }

    @Test("fixed weights leave θ with the unaries only")
    func fixedWeights() throws {
        let solver = try GraphCutSolver(nodeCount: 3, edges: [(0, 1), (1, 2)], pairwiseWeights: .fixed([0.6, 0.1]))
        #expect(solver.variableCount == 3)
        #expect(try solver.solve(row: [1, -0.4, -1]) == [1, 1, 0])
    }

    @Test("grid edges follow the documented order", arguments: [GridConnectivity.four, .eight])
    func gridEdgeOrder(connectivity: GridConnectivity) throws {
        let solver = try GraphCutSolver(gridRows: 3, columns: 4, connectivity: connectivity)
        let expected = RandomGraphCutInstance.gridEdgesFromDefinition(rows: 3, columns: 4, connectivity: connectivity)
        #expect(solver.edges.map { [$0.first, $0.second] } == expected.map { [$0.0, $0.1] })
        #expect(solver.edgeCount == (connectivity == .four ? 17 : 29))
        #expect(try GraphCutSolver(gridRows: 2, columns: 2).edges.map { [$0.first, $0.second] }
                == [[0, 1], [0, 2], [1, 3], [2, 3]])
    }

    @Test("a single node follows the sign of its unary, ties to 0")
    func singleNode() throws {
        let solver = try GraphCutSolver(nodeCount: 1, edges: [])
        #expect(try solver.solve(row: [0.25]) == [1])
        #expect(try solver.solve(row: [-0.25]) == [0])
        #expect(try solver.solve(row: [0]) == [0])
    }
}
