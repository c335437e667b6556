/// Scratch memory of one worker of ``LinearAssignment``: the dual potentials, the matching
/// and the shortest-augmenting-path labels, allocated once per worker.
///
/// You do not create it yourself: ``LinearAssignment/makeWorkspace()`` does, and
/// `solveBatch(_:parallelism:)` hands one to each worker.
public struct LinearAssignmentWorkspace: Sendable {
    /// Dual potentials of the smaller side (index 0 unused).
    var rowPotential: [Double]
    /// Dual potentials of the larger side (index 0 is the virtual start column).
    var columnPotential: [Double]
    /// Smallest reduced cost found so far for each column in the current search.
    var slack: [Double]
    /// Row matched to each column, 1-based (0: unmatched).
    var match: [Int32]
    /// The previous column on the alternating path to each column.
    var way: [Int32]
    /// Whether a column is already in the current search tree.
    var visited: [Bool]

    init(smallSide: Int, largeSide: Int) {
        rowPotential = [Double](repeating: 0, count: smallSide + 1)
        columnPotential = [Double](repeating: 0, count: largeSide + 1)
        slack = [Double](repeating: 0, count: largeSide + 1)
        match = [Int32](repeating: 0, count: largeSide + 1)
        way = [Int32](repeating: 0, count: largeSide + 1)
        visited = [Bool](repeating: false, count: largeSide + 1)
    }
}
