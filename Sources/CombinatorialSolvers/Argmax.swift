import DifferentiableSolvers

/// The MAP of a categorical distribution: the one-hot vector of the largest (or smallest)
/// entry of θ.
///
/// Accepts rows of any length n ≥ 1. Ties go to the lowest index.
///
/// ```swift
/// try Argmax().solve(row: [0.3, 2.0, -1.0])                     // [0, 1, 0]
/// try Argmax(sense: .minimize).solve(row: [0.3, 2.0, -1.0])     // [0, 0, 1]
/// ```
///
/// - Complexity: O(n) per row, no allocation.
public struct Argmax: MAPSolver {
    /// Whether the largest or the smallest entry is selected.
    public let sense: OptimizationSense

    /// Creates the solver.
    public init(sense: OptimizationSense = .maximize) {
        self.sense = sense
    }

    /// `nil`: any length n ≥ 1.
    public var variableCount: Int? { nil }

    /// Writes the one-hot vector of the best entry of `theta` (ties: the lowest index).
    ///
    /// - Parameters:
    ///   - theta: the scores of one instance.
    ///   - solution: receives the one-hot vector; same length as `theta`.
    ///   - workspace: none.
    /// - Throws: `SolverError` of kind `.shapeMismatch` for an empty row.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        guard theta.count > 0 else {
            throw SolverError(.shapeMismatch, "argmax needs at least one entry")
        }
        var best = 0
        var bestValue = theta[0]
        solution[0] = 0
        for i in 1..<theta.count {
            let value = theta[i]
            if sense == .maximize ? value > bestValue : value < bestValue {
                best = i
                bestValue = value
            }
            solution[i] = 0
        }
        solution[best] = 1
    }
}
