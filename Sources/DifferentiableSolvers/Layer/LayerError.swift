/// The error a ``DifferentiableSolverLayer`` throws: what the caller got wrong, or the
/// solver failure that stopped a pass.
///
/// ```swift
/// do { let (z, tape) = try layer.forward(theta) }
/// catch { print(error) }     // e.g. "nonFiniteInput: θ contains nan (row 3, index 7)"
/// ```
public struct LayerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An input has the wrong shape (θ, ∂L/∂z or the per-sample losses).
        case shapeMismatch
        /// θ, ∂L/∂z or a loss value is NaN or infinite.
        case nonFiniteInput
        /// A setting of the layer or the estimator is invalid (zero samples, λ ≤ 0 …).
        case invalidConfiguration
        /// `backward` received a tape recorded by another layer.
        case foreignTape
        /// The estimator needs per-sample loss values that were not given.
        case missingSampleLosses
        /// The solver failed; ``LayerError/solverError`` holds its error.
        case solverFailed
    }

    /// The broad class of failure.
    public var kind: Kind
    /// What went wrong and how to fix it.
    public var message: String
    /// The underlying solver error, when ``kind`` is `.solverFailed`.
    public var solverError: SolverError?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, solverError: SolverError? = nil) {
        self.kind = kind
        self.message = message
        self.solverError = solverError
    }

    /// Wraps a solver failure.
    public init(_ error: SolverError) {
        self.init(.solverFailed, error.description, solverError: error)
    }

    /// "kind: message".
    public var description: String { "\(kind.rawValue): \(message)" }
}
