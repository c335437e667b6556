extension GridShortestPath {
    /// Which cells of a grid are adjacent.
    public enum Connectivity: String, Sendable, Hashable, Codable, CaseIterable {
        /// A cell touches the cells above, below, left and right of it.
        case four
        /// A cell also touches its four diagonal neighbours (the Warcraft convention).
        case eight

        /// The (row, column) offsets of the neighbours, in the order the solver scans them:
        /// row-major, from the upper-left to the lower-right neighbour.
        var offsets: [(row: Int, column: Int)] {
            switch self {
            case .four: [(-1, 0), (0, -1), (0, 1), (1, 0)]
            case .eight: [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
            }
        }
    }
}
