import DifferentiableSolvers

/// An optimal assignment (bipartite matching) between the rows and the columns of a score
/// matrix: the linear assignment problem, solved exactly in O(n²m).
///
/// θ is the `rows × columns` score matrix in row-major order (`θ[i * columns + j]` scores
/// matching row `i` with column `j`); z is the 0/1 matrix of the same shape with one 1 per
/// matched pair, so the total score is ⟨z, θ⟩. Every element of the smaller side is matched
/// exactly once, and each element of the larger side at most once; for a square matrix z is
/// a permutation matrix. Scores may have any sign; maximise or minimise as ``sense`` says.
///
/// The algorithm is the shortest-augmenting-path form of the Hungarian method with dual
/// potentials (Kuhn 1955, Munkres 1957; Jonker & Volgenant 1987 made it fast; see Burkard,
/// Dell'Amico & Martello, *Assignment Problems*, 2009, §4.4): the elements of the smaller
/// side enter one at a time, each along a shortest alternating path in reduced costs.
///
/// **Tie-breaking.** Deterministic: smaller-side elements enter in increasing index, columns
/// of the larger side are scanned in increasing index, and the first minimum wins.
///
/// ```swift
/// let solver = try LinearAssignment(rows: 2, columns: 2, sense: .maximize)
/// try solver.solve(row: [1, 3,
///                        2, 5])      // [1, 0, 0, 1]: 1 + 5 = 6 beats 3 + 2 = 5
/// ```
///
/// - Complexity: O(s² · l) per instance for s = min(rows, columns) and l = max(rows,
///   columns); O(n³) for n × n. No allocation per instance after the workspace is made.
public struct LinearAssignment: MAPSolver {
    /// Number of rows of the score matrix.
    public let rows: Int
    /// Number of columns of the score matrix.
    public let columns: Int
    /// `.maximize` (default) for the largest total score, `.minimize` for the smallest cost.
    public let sense: OptimizationSense

    /// Creates a solver for `rows × columns` score matrices.
    ///
    /// - Parameters:
    ///   - rows: number of rows, at least 1.
    ///   - columns: number of columns, at least 1.
    ///   - sense: `.maximize` (default) or `.minimize`.
    /// - Throws: `SolverError` of kind `.invalidStructure` for an empty matrix.
    public init(rows: Int, columns: Int, sense: OptimizationSense = .maximize) throws(SolverError) {
        guard rows > 0, columns > 0 else {
            throw SolverError(.invalidStructure, "the score matrix is \(rows) × \(columns); both sides must be at least 1")
        }
        guard rows.multipliedReportingOverflow(by: columns).partialValue < Int(Int32.max) else {
            throw SolverError(.invalidStructure, "the score matrix is \(rows) × \(columns); too large")
        }
        self.rows = rows
        self.columns = columns
        self.sense = sense
    }

    /// A solver for square `n × n` matrices, whose solutions are permutation matrices.
    ///
    /// - Throws: `SolverError` of kind `.invalidStructure` when `n < 1`.
    public init(size n: Int, sense: OptimizationSense = .maximize) throws(SolverError) {
        try self.init(rows: n, columns: n, sense: sense)
    }

    /// rows · columns: one score (and one indicator) per pair.
    public var variableCount: Int? { rows * columns }

    /// The smaller and the larger side, and whether the smaller side is the columns.
    private var smallSide: Int { min(rows, columns) }
    private var largeSide: Int { max(rows, columns) }
    private var transposed: Bool { rows > columns }

    /// Allocates the potentials and labels for one worker.
    public func makeWorkspace() -> LinearAssignmentWorkspace {
        LinearAssignmentWorkspace(smallSide: smallSide, largeSide: largeSide)
    }

    /// Writes the 0/1 matrix of an optimal assignment.
    ///
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong length) or
    ///   `.nonFiniteParameter` (with the entry index).
    /// - Complexity: O(s² · l), s and l the smaller and larger side.
    public func solve(
        _ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout LinearAssignmentWorkspace
    ) throws(SolverError) {
        try InputChecks.requireLength(theta, solution, rows * columns)
        try InputChecks.requireFinite(theta)
        augment(theta, rowPotentialStorage: &workspace.rowPotential,
                columnPotentialStorage: &workspace.columnPotential, slackStorage: &workspace.slack,
                matchStorage: &workspace.match, wayStorage: &workspace.way, visitedStorage: &workspace.visited)
        for i in 0..<solution.count { solution[i] = 0 }
        for large in 1...largeSide where workspace.match[large] != 0 {
            let small = Int(workspace.match[large]) - 1
            solution[entry(small: small, large: large - 1)] = 1
        }
    }

    /// The θ index of the pair (smaller-side element, larger-side element).
    @inline(__always)
    private func entry(small: Int, large: Int) -> Int {
        transposed ? large * columns + small : small * columns + large
    }

    /// The shortest-augmenting-path Hungarian method on costs `sign · θ` (minimised), with
    /// 1-based indices and a virtual column 0 that roots each search.
    private func augment(
        _ theta: borrowing Span<Float>, rowPotentialStorage: inout [Double], columnPotentialStorage: inout [Double],
        slackStorage: inout [Double], matchStorage: inout [Int32], wayStorage: inout [Int32],
        visitedStorage: inout [Bool]
    ) {
        var rowPotential = rowPotentialStorage.mutableSpan, columnPotential = columnPotentialStorage.mutableSpan
        var slack = slackStorage.mutableSpan, match = matchStorage.mutableSpan
        var way = wayStorage.mutableSpan, visited = visitedStorage.mutableSpan
        let sign: Double = sense == .minimize ? 1 : -1
        let large = largeSide
        for i in rowPotential.indices { rowPotential[i] = 0 }
        for j in 0...large { columnPotential[j] = 0; match[j] = 0 }

        for row in 1...smallSide {
            match[0] = Int32(truncatingIfNeeded: row)
            var column = 0
            for j in 0...large { slack[j] = .infinity; visited[j] = false }
            // Grow a shortest-path tree in reduced costs until it reaches a free column.
            repeat {
                visited[column] = true
                let matchedRow = Int(match[column])
                let base = rowPotential[matchedRow]
                var delta = Double.infinity
                var nextColumn = 0
                for j in 1...large where !visited[j] {
                    let reduced = sign * Double(theta[entry(small: matchedRow - 1, large: j - 1)])
                        - base - columnPotential[j]
                    if reduced < slack[j] { slack[j] = reduced; way[j] = Int32(truncatingIfNeeded: column) }
                    if slack[j] < delta { delta = slack[j]; nextColumn = j }
                }
                for j in 0...large {
                    if visited[j] {
                        rowPotential[Int(match[j])] += delta
                        columnPotential[j] -= delta
                    } else {
                        slack[j] -= delta
                    }
                }
                column = nextColumn
            } while match[column] != 0
            // Flip the matching along the path back to the virtual column.
            repeat {
                let previous = Int(way[column])
                match[column] = match[previous]
                column = previous
            } while column != 0
        }
    }
}
