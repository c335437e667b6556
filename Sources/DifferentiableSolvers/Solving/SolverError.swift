import KindedErrors

/// The broad class of a ``SolverError``.
public enum SolverFailure: String, ErrorKind {
    /// θ has the wrong number of entries, or a batch is inconsistent with its shape.
    case shapeMismatch
    /// θ contains NaN or ±∞ (the error's `index` names the entry).
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

    /// Where a solver failure happened, as far as it is known.
    public struct Details: Sendable, Hashable {
        /// The batch row the failure belongs to, when it came from a batched solve.
        public var row: Int?
        /// The offending entry of θ (or vertex, edge, variable), when there is one.
        public var index: Int?
    }

    /// "kind: message", followed by the row and index when known.
    ///
    /// - Parameter error: A solver error.
    /// - Returns: For example "nonFiniteParameter: θ contains nan (row 3, index 7)".
    public static func description(of error: SolverError) -> String {
        var location = ""
        if let row = error.row { location += " (row \(row)" + (error.index.map { ", index \($0))" } ?? ")") }
        else if let index = error.index { location += " (index \(index))" }
        return "\(error.kind.rawValue): \(error.message)\(location)"
    }
}

/// The error every MAP solver throws: what went wrong, where, and a message for people.
///
/// Solvers never trap on user data. Anything a caller can get wrong (a θ of the wrong
/// length, a NaN weight, an infeasible structure, a failure inside a C library) is reported
/// as a `SolverError` whose `kind` (a ``SolverFailure``) lets code react and whose `message`
/// says what to fix. Its `row` and `index` locate the failure when known.
///
/// ```swift
/// do { _ = try solver.solve(row: theta) }
/// catch { print(error.kind, error.message) }   // error is a SolverError
/// ```
public typealias SolverError = KindedError<SolverFailure>

/// What only a ``SolverError`` has: the row and index of the failure, and its initializer.
extension KindedError where Kind == SolverFailure {
    /// The batch row the failure belongs to, when it came from a batched solve.
    public var row: Int? {
        get { details.row }
        set { details.row = newValue }
    }

    /// The offending entry of θ (or vertex, edge, variable), when there is one.
    public var index: Int? {
        get { details.index }
        set { details.index = newValue }
    }

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: The broad class of failure.
    ///   - message: What went wrong and how to fix it.
    ///   - row: The batch row the failure belongs to, if known.
    ///   - index: The offending entry of θ (or vertex, edge, variable), if there is one.
    public init(_ kind: Kind, _ message: String, row: Int? = nil, index: Int? = nil) {
        self.init(kind, message, details: SolverFailure.Details(row: row, index: index))
    }

    /// The same error, attributed to batch row `row`.
    ///
    /// - Parameter row: The batch row the failure belongs to.
    /// - Returns: A copy of the error with `row` set.
    public func inRow(_ row: Int) -> SolverError {
        var copy = self
        copy.row = row
        return copy
    }
}
