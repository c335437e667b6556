import DifferentiableSolvers

/// The cheapest path across a vertex-weighted grid: the MAP oracle of the Warcraft
/// shortest-path experiment (Pogančić et al., 2020).
///
/// θ holds the H × W vertex weights in row-major order (cell `(r, c)` is `θ[r * W + c]`). A
/// path runs from ``source`` (by default the top-left cell) to ``target`` (by default the
/// bottom-right cell), stepping between 8-connected (or 4-connected) neighbours; its cost is
/// the sum of the weights of all the cells it visits, both end cells included. z is the
/// 0/1 mask of the cells on a cheapest path, so the cost is ⟨z, θ⟩ and ``sense`` is
/// `.minimize`.
///
/// Weights must be finite and non-negative (Dijkstra's algorithm); a negative weight is an
/// error of kind `.parameterOutOfDomain` whose `index` names the cell.
///
/// **Tie-breaking.** Among equally cheap paths the result is deterministic: Dijkstra settles
/// cells in increasing order of `(distance, cell index)`, scans the neighbours of a cell
/// row-major (upper-left first, lower-right last), and a cell keeps the first predecessor
/// that reached it with its final distance (later offers must be strictly cheaper).
///
/// ```swift
/// let solver = try GridShortestPath(height: 12, width: 12)            // 8-connected
/// let z = try solver.solve(row: weights)                              // 144 entries, 0 or 1
/// let paths = try solver.solveBatch(Matrix(rows: 32, columns: 144, values: batch))
/// ```
///
/// - Complexity: O(V log V) per instance for V = H · W cells (at most 8 neighbours each),
///   with a 4-ary heap of packed (distance, cell) keys held in the workspace; no allocation
///   per instance after the workspace is made.
public struct GridShortestPath: MAPSolver {
    /// Number of rows of the grid.
    public let height: Int
    /// Number of columns of the grid.
    public let width: Int
    /// Which cells are adjacent.
    public let connectivity: GridConnectivity
    /// The first cell of every path.
    public let source: GridCell
    /// The last cell of every path.
    public let target: GridCell

    /// The search runs on the grid inside a border of +∞ cells, (H + 2) × (W + 2) row-major;
    /// these are the index offsets of a cell's neighbours there, in scanning order.
    private let neighbourOffsets: [Int]

    /// Creates a solver for an H × W grid.
    ///
    /// - Parameters:
    ///   - height: number of rows, at least 1.
    ///   - width: number of columns, at least 1.
    ///   - connectivity: `.eight` (default, Warcraft) or `.four`.
    ///   - source: first cell of the path; the top-left cell when `nil`.
    ///   - target: last cell of the path; the bottom-right cell when `nil`.
    /// - Throws: `SolverError` of kind `.invalidStructure` for an empty grid or a source
    ///   or target outside it.
    /// - Complexity: O(H · W).
    public init(height: Int, width: Int, connectivity: GridConnectivity = .eight,
                source: GridCell? = nil, target: GridCell? = nil) throws(SolverError) {
        guard height > 0, width > 0 else {
            throw SolverError(.invalidStructure, "the grid is \(height) × \(width); both sides must be at least 1")
        }
        guard height * width < Int(Int32.max) else {
            throw SolverError(.invalidStructure, "the grid is \(height) × \(width); it has too many cells")
        }
        let source = source ?? GridCell(row: 0, column: 0)
        let target = target ?? GridCell(row: height - 1, column: width - 1)
        for (cell, role) in [(source, "source"), (target, "target")] {
            guard (0..<height).contains(cell.row), (0..<width).contains(cell.column) else {
                throw SolverError(.invalidStructure,
                                  "the \(role) cell \(cell) lies outside the \(height) × \(width) grid")
            }
        }
        self.height = height
        self.width = width
        self.connectivity = connectivity
        self.source = source
        self.target = target

        neighbourOffsets = connectivity.offsets.map { $0.row * (width + 2) + $0.column }
    }

    /// Paths are as cheap as possible.
    public var sense: OptimizationSense { .minimize }

    /// H · W: one weight (and one mask entry) per cell.
    public var variableCount: Int? { cellCount }

    /// H · W.
    public var cellCount: Int { height * width }

    /// Number of cells of the grid with its border.
    private var paddedCount: Int { (height + 2) * (width + 2) }

    /// The index of `cell` in the grid with its border.
    private func paddedIndex(_ cell: GridCell) -> Int { (cell.row + 1) * (width + 2) + cell.column + 1 }

    /// Allocates the bordered weights, heap, distances and predecessor links for one worker.
    public func makeWorkspace() -> ShortestPathWorkspace {
        ShortestPathWorkspace(vertexCount: paddedCount, heapCapacity: cellCount * neighbourOffsets.count + 1,
                              paddedWeightCount: paddedCount)
    }

    /// Writes the 0/1 cell mask of a cheapest source–target path.
    ///
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong length),
    ///   `.nonFiniteParameter` or `.parameterOutOfDomain` (a negative weight, with the cell
    ///   index, or a path cost that overflows `Float`).
    /// - Complexity: O(V log V) for V = H · W.
    public func solve(
        _ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout ShortestPathWorkspace
    ) throws(SolverError) {
        try InputChecks.requireLength(theta, solution, cellCount)
        try InputChecks.requireFiniteNonNegative(theta, what: "cell weight")
        search(theta, weightStorage: &workspace.paddedWeights, heapStorage: &workspace.heapStorage,
               distanceStorage: &workspace.distance, predecessorStorage: &workspace.predecessor)
        var vertex = paddedIndex(target)
        try InputChecks.requireFiniteOptimum(workspace.distance[vertex])
        for i in 0..<solution.count { solution[i] = 0 }
        while vertex >= 0 {
            solution[(vertex / (width + 2) - 1) * width + vertex % (width + 2) - 1] = 1
            vertex = Int(workspace.predecessor[vertex])
        }
    }

    /// Dijkstra from the source cell with a lazy-deletion heap of (distance, cell) keys,
    /// stopping when the target is settled; leaves each reached cell's predecessor (bordered
    /// indices) in `predecessorStorage`. The workspace arrays come in separately so that
    /// each can be viewed as a span at the same time.
    ///
    /// The border cells weigh +∞, so offers to them are never accepted, and the bordered
    /// index order equals the row-major cell order, so the tie-breaking is unchanged.
    private func search(
        _ theta: borrowing Span<Float>, weightStorage: inout [Float],
        heapStorage: inout [UInt64], distanceStorage: inout [Float], predecessorStorage: inout [Int32]
    ) {
        let start = paddedIndex(source)
        let goal = paddedIndex(target)
        var weight = weightStorage.mutableSpan
        var storage = heapStorage.mutableSpan
        var distance = distanceStorage.mutableSpan
        var predecessor = predecessorStorage.mutableSpan
        let offsets = neighbourOffsets.span
        for row in 0..<height {
            let from = row * width, to = (row + 1) * (width + 2) + 1
            for column in 0..<width { weight[to + column] = theta[from + column] }
        }

        for v in distance.indices { distance[v] = .infinity }
        var heap = PackedKeyHeap()
        distance[start] = weight[start]
        predecessor[start] = -1
        heap.push(PackedKey.make(weight[start], start), &storage)
        while !heap.isEmpty {
            let key = heap.popMin(&storage)
            let vertex = PackedKey.index(of: key)
            let reached = distance[vertex]
            // Outdated entry: the vertex was pushed again with a smaller distance.
            guard key >> 32 == UInt64(PackedKey.orderedBits(reached)) else { continue }
            if vertex == goal { break }
            for k in offsets.indices {
                let next = vertex + offsets[k]
                let offer = reached + weight[next]
                // Settled cells are never improved: weights are non-negative.
                if offer < distance[next] {
                    distance[next] = offer
                    predecessor[next] = Int32(truncatingIfNeeded: vertex)
                    heap.push(PackedKey.make(offer, next), &storage)
                }
            }
        }
    }
}
