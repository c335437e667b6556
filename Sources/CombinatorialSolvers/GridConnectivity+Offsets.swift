import DifferentiableSolvers

extension GridConnectivity {
    /// The (row, column) offsets of the neighbours, in the order the grid shortest path scans
    /// them: row-major, from the upper-left to the lower-right neighbour.
    var offsets: [(row: Int, column: Int)] {
        switch self {
        case .four: [(-1, 0), (0, -1), (0, 1), (1, 0)]
        case .eight: [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
        }
    }
}
