/// Which neighbours of a grid cell are joined by an edge in
/// ``GraphCutSolver/init(gridRows:columns:connectivity:pairwiseWeights:sense:)``.
///
/// ```swift
/// let solver = try GraphCutSolver(gridRows: 4, columns: 4, connectivity: .eight)
/// solver.edges.count   // 3·4 + 4·3 + 2·3·3 = 42
/// ```
public enum GridConnectivity: Sendable, Hashable, CaseIterable {
    /// Horizontal and vertical neighbours: (r, c)–(r, c+1) and (r, c)–(r+1, c).
    case four
    /// The ``four`` neighbours and the diagonals (r, c)–(r+1, c+1) and (r, c)–(r+1, c−1).
    case eight
}
