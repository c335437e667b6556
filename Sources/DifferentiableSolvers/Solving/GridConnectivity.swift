/// Which cells of a grid are neighbours: the one connectivity type of every grid solver
/// (grid shortest paths, grid graph cuts).
///
/// ```swift
/// let path = try GridShortestPath(height: 12, width: 12, connectivity: .eight)
/// GridConnectivity(neighbours: 4)   // .four
/// ```
public enum GridConnectivity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Horizontal and vertical neighbours: (r, c)–(r, c ± 1) and (r, c)–(r ± 1, c).
    case four
    /// The ``four`` neighbours and the four diagonal ones (the Warcraft convention).
    case eight

    /// The connectivity with `neighbours` neighbours per inner cell: 4 or 8.
    public init?(neighbours: Int) {
        switch neighbours {
        case 4: self = .four
        case 8: self = .eight
        default: return nil
        }
    }

    /// The number of neighbours of an inner cell: 4 or 8.
    public var neighbours: Int { self == .four ? 4 : 8 }
}
