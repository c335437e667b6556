import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

@Suite struct GraphShortestPathTests {
    /// A random digraph on `vertexCount` vertices: each ordered pair is an arc with
    /// probability `density`; with `acyclic`, only pairs (i, j) with i < j.
    static func randomArcs(vertexCount: Int, density: Double, acyclic: Bool,
                           using rng: inout SeededGenerator) -> [GraphEdge] {
        var arcs: [GraphEdge] = []
        for i in 0..<vertexCount {
            for j in 0..<vertexCount where i != j && (!acyclic || i < j) && rng.nextUniform() < density {
                arcs.append(GraphEdge(i, j))
            }
        }
        // Shuffle so that arc order is unrelated to vertex order.
        arcs.shuffle(using: &rng)
        return arcs
    }

    static func pairs(_ arcs: [GraphEdge]) -> [(Int, Int)] { arcs.map { ($0.source, $0.target) } }

    /// Solves `count` random instances whose structure `makeSolver` draws (nil: skip the
    /// draw), checking each z is a simple path and optimal against enumeration.
    static func checkAgainstBruteForce(
        count: Int, seed: UInt64, allowNegative: Bool,
        makeSolver: (inout SeededGenerator) -> GraphShortestPath?
    ) throws {
        var rng = SeededGenerator(seed: seed)
        var solved = 0
        while solved < count {
            guard let solver = makeSolver(&rng) else { continue }
            let arcs = pairs(solver.arcs)
            let paths = GraphEnumeration.simplePathArcIndicators(vertexCount: solver.vertexCount, arcs: arcs,
                                                                 from: solver.source, to: solver.target)
            for _ in 0..<5 {
                let theta = tieProneWeights(count: arcs.count, allowNegative: allowNegative, using: &rng)
                let z = try solver.solve(row: theta)
                #expect(GraphEnumeration.isSimplePath(arcs: arcs, chosen: z, from: solver.source, to: solver.target))
                let truth = BruteForce.optimum(of: theta, over: paths, sense: solver.sense)
                #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5),
                        "\(solver.arcs) θ = \(theta)")
                solved += 1
            }
        }
    }

    @Test("Dijkstra agrees with brute force on 1,000 random digraphs of 2–6 vertices")
    func dijkstraAgreesWithBruteForce() throws {
        try Self.checkAgainstBruteForce(count: 1000, seed: 21, allowNegative: false) { rng in
            let n = 2 + Int(rng.next() % 5)
            let arcs = Self.randomArcs(vertexCount: n, density: 0.45, acyclic: false, using: &rng)
            let source = Int(rng.next() % UInt64(n)), target = Int(rng.next() % UInt64(n))
            return try? GraphShortestPath(vertexCount: n, arcs: arcs, source: source, target: target)
        }
    }

    @Test("The acyclic algorithm agrees with brute force on 1,000 random DAGs per sense, negative costs included",
          arguments: OptimizationSense.allCases)
    func acyclicAgreesWithBruteForce(sense: OptimizationSense) throws {
        try Self.checkAgainstBruteForce(count: 1000, seed: sense == .minimize ? 22 : 23, allowNegative: true) { rng in
            let n = 2 + Int(rng.next() % 6)
            let arcs = Self.randomArcs(vertexCount: n, density: 0.55, acyclic: true, using: &rng)
            // Relabel the vertices so that the topological order is not the identity.
            let relabel = Array(0..<n).shuffled(using: &rng)
            let relabelled = arcs.map { GraphEdge(relabel[$0.source], relabel[$0.target]) }
            return try? GraphShortestPath(vertexCount: n, arcs: relabelled, source: relabel[0], target: relabel[n - 1],
                                          algorithm: .acyclic, sense: sense)
        }
    }

    @Test("PyEPO's east/south grids agree with brute force", arguments: [(2, 3), (3, 3), (3, 4), (5, 5)])
    func directedGridAgreesWithBruteForce(rows: Int, columns: Int) throws {
        for sense in OptimizationSense.allCases {
            try Self.checkAgainstBruteForce(count: 100, seed: UInt64(rows * 10 + columns), allowNegative: true) { _ in
                try? GraphShortestPath.directedGrid(rows: rows, columns: columns, sense: sense)
            }
        }
    }

    @Test func directedGridMatchesPyEPOArcOrder() throws {
        let solver = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
        #expect(solver.variableCount == 40 && solver.vertexCount == 25)
        #expect(solver.algorithm == .acyclic && solver.source == 0 && solver.target == 24)
        // Row 0: east arcs (0,1) … (3,4), then south arcs (0,5) … (4,9); the last row only east.
        #expect(Array(solver.arcs.prefix(9)) == [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(2, 3), GraphEdge(3, 4),
                                                 GraphEdge(0, 5), GraphEdge(1, 6), GraphEdge(2, 7), GraphEdge(3, 8),
                                                 GraphEdge(4, 9)])
        #expect(Array(solver.arcs.suffix(4)) == [GraphEdge(20, 21), GraphEdge(21, 22), GraphEdge(22, 23), GraphEdge(23, 24)])
    }

    @Test func handComputedPathsAndTies() throws {
        let arcs = [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(0, 2)]
        let solver = try GraphShortestPath(vertexCount: 3, arcs: arcs, source: 0, target: 2)
        #expect(try solver.solve(row: [1, 1, 3]) == [1, 1, 0])
        #expect(try solver.solve(row: [1, 3, 3]) == [0, 0, 1])
        // A tie (2 = 2): vertex 1 settles before vertex 2 is reached more cheaply, so the
        // direct arc, which offered 2 first, is kept.
        #expect(try solver.solve(row: [1, 1, 2]) == [0, 0, 1])
        let longest = try GraphShortestPath(vertexCount: 3, arcs: arcs, source: 0, target: 2,
                                            algorithm: .acyclic, sense: .maximize)
        #expect(try longest.solve(row: [1, 1, 3]) == [0, 0, 1])
        #expect(try longest.solve(row: [-1, 5, 3]) == [1, 1, 0])
        // Source equal to target: the empty path.
        let loop = try GraphShortestPath(vertexCount: 3, arcs: arcs, source: 1, target: 1)
        #expect(try loop.solve(row: [1, 1, 1]) == [0, 0, 0])
    }

    @Test func reportsBadCostsWithTheirIndex() throws {
        let arcs = [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(0, 2)]
        let solver = try GraphShortestPath(vertexCount: 3, arcs: arcs, source: 0, target: 2)
        var error = #expect(throws: SolverError.self) { try solver.solve(row: [1, -1, 3]) }
        #expect(error?.kind == .parameterOutOfDomain && error?.index == 1)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 1, .infinity]) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 2)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 1]) }
        #expect(error?.kind == .shapeMismatch)
        let dag = try GraphShortestPath(vertexCount: 3, arcs: arcs, source: 0, target: 2, algorithm: .acyclic)
        #expect(try dag.solve(row: [1, -5, 3]) == [1, 1, 0])
        error = #expect(throws: SolverError.self) {
            try dag.solve(row: [-.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1])
        }
        #expect(error?.kind == .parameterOutOfDomain)
    }

    @Test func rejectsBadStructures() {
        func kindAndIndex(_ body: () throws(SolverError) -> GraphShortestPath) -> (SolverError.Kind, Int?)? {
            do { _ = try body(); return nil } catch { return (error.kind, error.index) }
        }
        let ok = [GraphEdge(0, 1), GraphEdge(1, 2)]
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: [GraphEdge(0, 1), GraphEdge(1, 3)], source: 0, target: 2)
        }! == (.invalidStructure, 1))
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: [GraphEdge(0, 1), GraphEdge(-1, 2)], source: 0, target: 2)
        }! == (.invalidStructure, 1))
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: [GraphEdge(0, 1), GraphEdge(1, 1), GraphEdge(1, 2)],
                                  source: 0, target: 2)
        }! == (.invalidStructure, 1))
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: [], source: 0, target: 2)
        }!.0 == .invalidStructure)
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 0, arcs: ok, source: 0, target: 0)
        }!.0 == .invalidStructure)
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: ok, source: 0, target: 5)
        }! == (.invalidStructure, 5))
        // Unreachable target: arcs point the wrong way.
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: ok, source: 2, target: 0)
        }! == (.infeasible, 0))
        // A cycle 1 → 2 → 3 → 1 (arcs 1, 2, 3) in acyclic mode.
        let cyclic = [GraphEdge(0, 1), GraphEdge(1, 2), GraphEdge(2, 3), GraphEdge(3, 1), GraphEdge(3, 4)]
        let cycle = kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 5, arcs: cyclic, source: 0, target: 4, algorithm: .acyclic)
        }
        #expect(cycle?.0 == .invalidStructure && [1, 2, 3].contains(cycle?.1 ?? -1))
        #expect((try? GraphShortestPath(vertexCount: 5, arcs: cyclic, source: 0, target: 4)) != nil)
        #expect(kindAndIndex { () throws(SolverError) in
            try GraphShortestPath(vertexCount: 3, arcs: ok, source: 0, target: 2, sense: .maximize)
        }!.0 == .invalidOption)
        #expect(kindAndIndex { () throws(SolverError) in try GraphShortestPath.directedGrid(rows: 1, columns: 1) }!.0
                == .invalidStructure)
    }
}
