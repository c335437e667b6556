import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

@Suite struct GridShortestPathTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var height, width: Int
        var connectivity: GridConnectivity
        var source: GridCell?
        var target: GridCell?
        var testDescription: String {
            "\(height)×\(width) \(connectivity) \(source.map(\.description) ?? "corner")→\(target.map(\.description) ?? "corner")"
        }
    }

    static let shapes: [Shape] = [
        Shape(height: 1, width: 1, connectivity: .eight),
        Shape(height: 1, width: 4, connectivity: .four),
        Shape(height: 2, width: 3, connectivity: .eight),
        Shape(height: 3, width: 3, connectivity: .eight),
        Shape(height: 3, width: 3, connectivity: .four),
        Shape(height: 3, width: 4, connectivity: .four),
        Shape(height: 4, width: 3, connectivity: .eight),
        Shape(height: 4, width: 4, connectivity: .four),
        Shape(height: 3, width: 4, connectivity: .eight,
              source: GridCell(row: 2, column: 3), target: GridCell(row: 0, column: 1)),
        Shape(height: 4, width: 4, connectivity: .four,
              source: GridCell(row: 1, column: 1), target: GridCell(row: 3, column: 2)),
    ]

    @Test("Agrees with brute force on 125 tie-prone instances per shape", arguments: shapes)
    func agreesWithBruteForce(shape: Shape) throws {
        let solver = try GridShortestPath(height: shape.height, width: shape.width, connectivity: shape.connectivity,
                                          source: shape.source, target: shape.target)
        let source = solver.source.row * shape.width + solver.source.column
        let target = solver.target.row * shape.width + solver.target.column
        let masks = GraphEnumeration.simplePathVertexMasks(
            adjacency: GraphEnumeration.gridAdjacency(height: shape.height, width: shape.width,
                                                      diagonals: shape.connectivity == .eight),
            from: source, to: target)
        let feasible = Set(masks)
        var rng = SeededGenerator(seed: 4, stream: [UInt64(shape.height), UInt64(shape.width), UInt64(source)])
        for _ in 0..<125 {
            let theta = tieProneWeights(count: shape.height * shape.width, using: &rng)
            let z = try solver.solve(row: theta)
            #expect(feasible.contains(z), "not a simple path's cells: \(z)")
            let truth = BruteForce.optimum(of: theta, over: masks, sense: .minimize)
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth.value, relative: 1e-5))
        }
    }

    /// Bellman–Ford-style relaxation to a fixed point: slow, simple, independent of Dijkstra.
    static func cheapestPathCost(_ w: [Float], adjacency: [[Int]], from source: Int, to target: Int) -> Double {
        var cost = [Double](repeating: .infinity, count: w.count)
        cost[source] = Double(w[source])
        var changed = true
        while changed {
            changed = false
            for v in w.indices {
                for u in adjacency[v] where cost[u] + Double(w[v]) < cost[v] {
                    cost[v] = cost[u] + Double(w[v]); changed = true
                }
            }
        }
        return cost[target]
    }

    /// Whether the cells of `mask` connect `source` to `target` (each step between adjacent cells).
    static func connects(_ mask: [Float], adjacency: [[Int]], from source: Int, to target: Int) -> Bool {
        guard mask[source] == 1, mask.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
        var seen: Set<Int> = [source], stack = [source]
        while let v = stack.popLast() {
            for u in adjacency[v] where mask[u] == 1 && seen.insert(u).inserted { stack.append(u) }
        }
        return seen.contains(target)
    }

    @Test("Larger grids agree with a fixed-point relaxation", arguments: [(12, 12, true), (9, 17, true), (15, 10, false)])
    func largerGrids(height: Int, width: Int, diagonals: Bool) throws {
        let solver = try GridShortestPath(height: height, width: width, connectivity: diagonals ? .eight : .four)
        let adjacency = GraphEnumeration.gridAdjacency(height: height, width: width, diagonals: diagonals)
        var rng = SeededGenerator(seed: 12, stream: [UInt64(height), UInt64(width)])
        for _ in 0..<20 {
            let theta = (0 ..< height * width).map { _ in Float(rng.nextUniform() * 10) }
            let z = try solver.solve(row: theta)
            #expect(Self.connects(z, adjacency: adjacency, from: 0, to: height * width - 1))
            let truth = Self.cheapestPathCost(theta, adjacency: adjacency, from: 0, to: height * width - 1)
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth, relative: 1e-5))
        }
    }

    @Test func handComputedDetourAndTieBreaking() throws {
        // 3 × 3, 8-connected: the centre is expensive, so the path goes round it.
        let solver = try GridShortestPath(height: 3, width: 3)
        #expect(try solver.solve(row: [1, 1, 9,
                                       9, 50, 1,
                                       9, 9, 1]) == [1, 1, 0, 0, 0, 1, 0, 0, 1])
        // All weights equal: the diagonal (3 cells) is the unique cheapest path.
        #expect(try solver.solve(row: [Float](repeating: 2, count: 9)) == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        // 2 × 2, 4-connected, equal weights: both corners tie; cell 1 is settled first
        // (same distance, smaller index), so the path goes right, then down.
        let four = try GridShortestPath(height: 2, width: 2, connectivity: .four)
        #expect(try four.solve(row: [1, 1, 1, 1]) == [1, 1, 0, 1])
        // Zero weights are allowed.
        #expect(try four.solve(row: [0, 0, 0, 0]).reduce(0, +) == 3)
    }

    @Test func sourceEqualToTargetIsASingleCell() throws {
        let cell = GridCell(row: 1, column: 2)
        let solver = try GridShortestPath(height: 3, width: 3, source: cell, target: cell)
        #expect(try solver.solve(row: (0..<9).map(Float.init)) == [0, 0, 0, 0, 0, 1, 0, 0, 0])
    }

    @Test func reportsBadWeightsWithTheirIndex() throws {
        let solver = try GridShortestPath(height: 2, width: 3)
        var error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, -0.5, 1, 1, 1]) }
        #expect(error?.kind == .parameterOutOfDomain && error?.index == 2)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, 3, .nan, 1, 1]) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 3)
        error = #expect(throws: SolverError.self) { try solver.solve(row: [1, 2, 3]) }
        #expect(error?.kind == .shapeMismatch)
        error = #expect(throws: SolverError.self) {
            try solver.solve(row: [Float](repeating: .greatestFiniteMagnitude, count: 6))
        }
        #expect(error?.kind == .parameterOutOfDomain)
        // Direct calls to solve(_:into:workspace:) check θ themselves.
        var workspace = solver.makeWorkspace()
        let theta: [Float] = [1, 1, 1, 1, .infinity, 1]
        var z = [Float](repeating: 0, count: 6)
        var zSpan = z.mutableSpan
        error = #expect(throws: SolverError.self) { try solver.solve(theta.span, into: &zSpan, workspace: &workspace) }
        #expect(error?.kind == .nonFiniteParameter && error?.index == 4)
    }

    @Test func rejectsBadStructures() {
        var error = #expect(throws: SolverError.self) { try GridShortestPath(height: 0, width: 3) }
        #expect(error?.kind == .invalidStructure)
        error = #expect(throws: SolverError.self) {
            try GridShortestPath(height: 3, width: 3, target: GridCell(row: 3, column: 0))
        }
        #expect(error?.kind == .invalidStructure)
        error = #expect(throws: SolverError.self) {
            try GridShortestPath(height: 3, width: 3, source: GridCell(row: 0, column: -1))
        }
        #expect(error?.kind == .invalidStructure)
    }
}
