import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

@Suite struct SpanningTreeTests {
    static func pairs(_ edges: [GraphEdge]) -> [(Int, Int)] { edges.map { ($0.source, $0.target) } }

    /// A random multigraph: `edgeCount` edges between distinct random vertices.
    static func randomEdges(vertexCount: Int, edgeCount: Int, using rng: inout SeededGenerator) -> [GraphEdge] {
        (0..<edgeCount).map { _ in
            let a = Int(rng.next() % UInt64(vertexCount))
            let b = (a + 1 + Int(rng.next() % UInt64(vertexCount - 1))) % vertexCount
            return GraphEdge(a, b)
        }
    }

    /// Checks `rounds` × 5 instances of `solver` against enumeration of its maximal forests.
    static func check(_ solver: SpanningTree, instances: Int, using rng: inout SeededGenerator) throws {
        let edges = pairs(solver.edges)
        let forests = GraphEnumeration.maximalSpanningForests(vertexCount: solver.vertexCount, edges: edges)
        let feasible = Set(forests)
        for _ in 0..<instances {
            let theta = tieProneWeights(count: edges.count, allowNegative: true, using: &rng)
            let z = try solver.solve(row: theta)
            #expect(feasible.contains(z), "not a maximal spanning forest: \(z)")
            let truth = BruteForce.optimum(of: theta, over: forests, sense: solver.sense)
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5))
        }
    }

    @Test("Agrees with brute force on 1,000 random connected multigraphs per sense", arguments: OptimizationSense.allCases)
    func randomGraphsAgreeWithBruteForce(sense: OptimizationSense) throws {
        var rng = SeededGenerator(seed: 31, stream: [sense == .minimize ? 0 : 1])
        var solved = 0
        while solved < 1000 {
            let n = 2 + Int(rng.next() % 5)
            let edges = Self.randomEdges(vertexCount: n, edgeCount: n - 1 + Int(rng.next() % 6), using: &rng)
            guard let solver = try? SpanningTree(vertexCount: n, edges: edges, sense: sense) else { continue }
            try Self.check(solver, instances: 5, using: &rng)
            solved += 5
        }
    }

    @Test("Spanning forests of 500 random graphs per sense, often disconnected", arguments: OptimizationSense.allCases)
    func forestsAgreeWithBruteForce(sense: OptimizationSense) throws {
        var rng = SeededGenerator(seed: 32, stream: [sense == .minimize ? 0 : 1])
        var disconnected = 0
        for _ in 0..<100 {
            let n = 2 + Int(rng.next() % 6)
            let edges = Self.randomEdges(vertexCount: n, edgeCount: 1 + Int(rng.next() % UInt64(n + 2)), using: &rng)
            let solver = try SpanningTree(vertexCount: n, edges: edges, sense: sense,
                                          disconnectedGraphPolicy: .spanningForest)
            #expect(solver.componentCount == GraphEnumeration.componentCount(vertexCount: n, edges: Self.pairs(edges)))
            if solver.componentCount > 1 { disconnected += 1 }
            try Self.check(solver, instances: 5, using: &rng)
        }
        #expect(disconnected > 20)
    }

    @Test("Complete graphs agree with brute force", arguments: [2, 3, 4, 5])
    func completeGraphs(n: Int) throws {
        var rng = SeededGenerator(seed: 33, stream: [UInt64(n)])
        for sense in OptimizationSense.allCases {
            let solver = try SpanningTree.completeGraph(vertexCount: n, sense: sense)
            #expect(solver.variableCount == n * (n - 1) / 2)
            try Self.check(solver, instances: 60, using: &rng)
        }
    }

    @Test func completeGraphEdgeOrder() throws {
        let solver = try SpanningTree.completeGraph(vertexCount: 4)
        #expect(solver.edges == [GraphEdge(0, 1), GraphEdge(0, 2), GraphEdge(0, 3),
                                 GraphEdge(1, 2), GraphEdge(1, 3), GraphEdge(2, 3)])
    }

    @Test func handComputedTreesAndTies() throws {
        let solver = try SpanningTree.completeGraph(vertexCount: 4)
        #expect(try solver.solve(row: [1, 5, 2, 6, 3, 4]) == [1, 0, 1, 0, 0, 1])
        let maximum = try SpanningTree.completeGraph(vertexCount: 4, sense: .maximize)
        #expect(try maximum.solve(row: [1, 5, 2, 6, 3, 4]) == [0, 1, 0, 1, 0, 1])
        // All weights equal: the lower-index edges win, the star around vertex 0.
        #expect(try solver.solve(row: [Float](repeating: 7, count: 6)) == [1, 1, 1, 0, 0, 0])
        #expect(try maximum.solve(row: [Float](repeating: 7, count: 6)) == [1, 1, 1, 0, 0, 0])
    }

    @Test func reportsBadInput() throws {
        let solver = try SpanningTree.completeGraph(vertexCount: 3)
        var error = #expect(throws: SolverError.self) { try solver.solve(row: [1, .nan, 2]) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 1)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2]) }
        #expect(error?.kind == .shapeMismatch)

        error = #expect(throws: SolverError.self) {
            try SpanningTree(vertexCount: 3, edges: [GraphEdge(0, 1), GraphEdge(2, 2)])
        }
        #expect(error?.kind == .invalidStructure && error?.index == 1)
        error = #expect(throws: SolverError.self) {
            try SpanningTree(vertexCount: 3, edges: [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(3, 0)])
        }
        #expect(error?.kind == .invalidStructure && error?.index == 2)
        error = #expect(throws: SolverError.self) { try SpanningTree(vertexCount: 3, edges: []) }
        #expect(error?.kind == .invalidStructure)
        error = #expect(throws: SolverError.self) { try SpanningTree.completeGraph(vertexCount: 1) }
        #expect(error?.kind == .invalidStructure)
        // Disconnected: rejected by default, naming a vertex cut off from vertex 0.
        error = #expect(throws: SolverError.self) {
            try SpanningTree(vertexCount: 4, edges: [GraphEdge(0, 1), GraphEdge(2, 3)])
        }
        #expect(error?.kind == .infeasible && error?.index == 2)
        let forest = try SpanningTree(vertexCount: 4, edges: [GraphEdge(0, 1), GraphEdge(2, 3)],
                                      disconnectedGraphPolicy: .spanningForest)
        #expect(forest.componentCount == 2 && forest.treeEdgeCount == 2)
        #expect(try forest.solve(row: [3, -4]) == [1, 1])
    }
}
