/// The error every MAP solver throws: what went wrong, where, and a message for people.
///
/// Solvers never trap on user data. Anything a caller can get wrong (a θ of the wrong
/// length, a NaN weight, an infeasible structure, a failure inside a C library) is reported
/// as a `SolverError` whose ``kind`` lets code react and whose ``message`` says what to fix.
///
/// ```swift
/// do { _ = try solver.solve(row: theta) }
/// catch { print(error.kind, error.message) }   // error is a SolverError
/// ```
public struct SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// θ has the wrong number of entries, or a batch is inconsistent with its shape.
        case shapeMismatch
        /// θ contains NaN or ±∞ (``SolverError/index`` names the entry).
        case nonFiniteParameter
        /// θ is finite but outside the solver's domain (e.g. a negative weight for Dijkstra).
        case parameterOutOfDomain
        /// The solver's structure (graph, constraint matrix, k …) is invalid.
        case invalidStructure
        /// The problem has no feasible state (e.g. the target is unreachable).
        case infeasible
        /// The objective is unbounded over the feasible set.
        case unbounded
        /// A time or iteration limit stopped the solver before it proved optimality.
        case limitReached
        /// An underlying library reported a failure.
        case libraryFailure
        /// A configuration option is invalid.
        case invalidOption
    }

    /// The broad class of failure.
    public var kind: Kind
    /// What went wrong and how to fix it.
    public var message: String
    /// The batch row the failure belongs to, when it came from a batched solve.
    public var row: Int?
    /// The offending entry of θ (or vertex, edge, variable), when there is one.
    public var index: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, row: Int? = nil, index: Int? = nil) {
        self.kind = kind
        self.message = message
        self.row = row
        self.index = index
    }

    /// The same error, attributed to batch row `row`.
    public func inRow(_ row: Int) -> SolverError {
        var copy = self
        copy.row = row
        return copy
    }

    /// "kind: message", followed by the row and index when known.
    public var description: String {
        var location = ""
        if let row { location += " (row \(row)" + (index.map { ", index \($0))" } ?? ")") }
        else if let index { location += " (index \(index))" }
        return "\(kind.rawValue): \(message)\(location)"
    }
}
