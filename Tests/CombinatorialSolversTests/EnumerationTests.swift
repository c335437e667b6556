import Testing
import _TestSupport

/// The brute-force enumerators are the truth the solvers are tested against, so they are
/// checked first against counts known in closed form.
@Suite struct EnumerationTests {
    @Test("Cayley: the complete graph K_n has n^(n−2) spanning trees", arguments: [2, 3, 4, 5])
    func cayley(n: Int) {
        let edges = (0..<n).flatMap { i in (i + 1 ..< n).map { (i, $0) } }
        let trees = GraphEnumeration.maximalSpanningForests(vertexCount: n, edges: edges)
        #expect(trees.count == (0 ..< n - 2).reduce(1) { product, _ in product * n })
        #expect(trees.allSatisfy { $0.reduce(0, +) == Float(n - 1) })
    }

    @Test func spanningForestsOfTwoComponents() {
        // A triangle and a separate edge: 3 spanning trees of the triangle × 1.
        let forests = GraphEnumeration.maximalSpanningForests(vertexCount: 5, edges: [(0, 1), (1, 2), (0, 2), (3, 4)])
        #expect(forests.count == 3)
        #expect(forests.allSatisfy { $0[3] == 1 && $0.reduce(0, +) == 3 })
    }

    @Test("East/south grid paths: C(r + c − 2, r − 1)", arguments: [(2, 2, 2), (3, 3, 6), (3, 4, 10), (5, 5, 70)])
    func monotoneGridPaths(rows: Int, columns: Int, expected: Int) {
        var arcs: [(Int, Int)] = []
        for i in 0..<rows {
            for j in 0 ..< columns - 1 { arcs.append((i * columns + j, i * columns + j + 1)) }
            if i < rows - 1 { for j in 0..<columns { arcs.append((i * columns + j, (i + 1) * columns + j)) } }
        }
        let paths = GraphEnumeration.simplePathArcIndicators(vertexCount: rows * columns, arcs: arcs,
                                                             from: 0, to: rows * columns - 1)
        #expect(paths.count == expected)
        #expect(paths.allSatisfy { GraphEnumeration.isSimplePath(arcs: arcs, chosen: $0, from: 0, to: rows * columns - 1) })
    }

    @Test func gridPathMasksOfTheFourConnectedThreeByThree() {
        // 12 self-avoiding corner-to-corner paths on the 3 × 3 lattice, but some share a
        // vertex set; every mask contains both corners and is connected.
        let adjacency = GraphEnumeration.gridAdjacency(height: 3, width: 3, diagonals: false)
        #expect(adjacency[4].count == 4 && adjacency[0].count == 2)
        let masks = GraphEnumeration.simplePathVertexMasks(adjacency: adjacency, from: 0, to: 8)
        #expect(masks.contains([1, 1, 1, 0, 0, 1, 0, 0, 1]))
        #expect(masks.contains([1, 1, 1, 1, 1, 1, 1, 1, 1]))
        #expect(!masks.contains([1, 0, 0, 0, 1, 0, 0, 0, 1]))   // diagonal steps are not allowed
        #expect(masks.allSatisfy { $0[0] == 1 && $0[8] == 1 })
        let diagonal = GraphEnumeration.simplePathVertexMasks(
            adjacency: GraphEnumeration.gridAdjacency(height: 3, width: 3, diagonals: true), from: 0, to: 8)
        #expect(diagonal.contains([1, 0, 0, 0, 1, 0, 0, 0, 1]))
    }

    @Test("Assignments of an n × m matrix: max!/(max − min)!",
          arguments: [(1, 1, 1), (2, 2, 2), (3, 3, 6), (2, 4, 12), (4, 2, 12), (4, 4, 24), (3, 5, 60)])
    func assignmentCounts(rows: Int, columns: Int, expected: Int) {
        let states = PermutationEnumeration.assignments(rows: rows, columns: columns)
        #expect(states.count == expected)
        #expect(Set(states).count == expected)
        #expect(states.allSatisfy { PermutationEnumeration.isAssignment($0, rows: rows, columns: columns) })
    }

    @Test func rankVectorsArePermutations() {
        let ranks = PermutationEnumeration.rankVectors(count: 4)
        #expect(ranks.count == 24 && Set(ranks).count == 24)
        #expect(ranks.allSatisfy(PermutationEnumeration.isRankVector))
        #expect(!PermutationEnumeration.isRankVector([1, 1, 3]))
    }
}
