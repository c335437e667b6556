import Testing
import DifferentiableSolvers
import CombinatorialSolvers
import _TestSupport

/// Every solver gives the same answers row by row, in one serial batch, and in a batch
/// spread over two threads; errors in a batch name their row.
@Suite struct BatchConsistencyTests {
    static func randomBatch(rows: Int, columns: Int, seed: UInt64, allowNegative: Bool) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns,
                      values: tieProneWeights(count: rows * columns, allowNegative: allowNegative, using: &rng))
    }

    static func checkConsistency(_ solver: some MAPSolver, columns: Int, allowNegative: Bool) throws {
        let theta = randomBatch(rows: 64, columns: columns, seed: UInt64(columns), allowNegative: allowNegative)
        let serial = try solver.solveBatch(theta, parallelism: .serial)
        let threaded = try solver.solveBatch(theta, parallelism: .threads(2))
        #expect(serial == threaded)
        #expect(serial.rows == 64 && serial.columns == columns)
        for r in 0..<theta.rows {
            #expect(try solver.solve(row: theta.row(r)) == serial.row(r))
        }
    }

    @Test func gridShortestPath() throws {
        try Self.checkConsistency(try GridShortestPath(height: 12, width: 12), columns: 144, allowNegative: false)
        try Self.checkConsistency(try GridShortestPath(height: 5, width: 9, connectivity: .four),
                                  columns: 45, allowNegative: false)
    }

    @Test func graphShortestPath() throws {
        try Self.checkConsistency(try GraphShortestPath.directedGrid(rows: 5, columns: 5), columns: 40, allowNegative: true)
        let grid = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
        let dijkstra = try GraphShortestPath(vertexCount: 25, arcs: grid.arcs, source: 0, target: 24)
        try Self.checkConsistency(dijkstra, columns: 40, allowNegative: false)
    }

    @Test func spanningTree() throws {
        try Self.checkConsistency(try SpanningTree.completeGraph(vertexCount: 10), columns: 45, allowNegative: true)
        try Self.checkConsistency(try SpanningTree.completeGraph(vertexCount: 10, sense: .maximize),
                                  columns: 45, allowNegative: true)
    }

    @Test func linearAssignment() throws {
        try Self.checkConsistency(try LinearAssignment(size: 8), columns: 64, allowNegative: true)
        try Self.checkConsistency(try LinearAssignment(rows: 3, columns: 7, sense: .minimize), columns: 21, allowNegative: true)
    }

    @Test func ranking() throws {
        try Self.checkConsistency(Ranking(), columns: 30, allowNegative: true)
    }

    @Test func batchErrorsNameTheRowAndEntry() throws {
        var theta = Self.randomBatch(rows: 40, columns: 144, seed: 9, allowNegative: false)
        theta[27, 5] = -1
        theta[33, 7] = -2
        let solver = try GridShortestPath(height: 12, width: 12)
        for parallelism in [Parallelism.serial, .threads(2)] {
            let error = #expect(throws: SolverError.self) { try solver.solveBatch(theta, parallelism: parallelism) }
            #expect(error?.kind == .parameterOutOfDomain && error?.row == 27 && error?.index == 5)
        }
        let wrongWidth = Matrix(rows: 2, columns: 10, repeating: 1)
        let error = #expect(throws: SolverError.self) { try SpanningTree.completeGraph(vertexCount: 4).solveBatch(wrongWidth) }
        #expect(error?.kind == .shapeMismatch)
    }
}
