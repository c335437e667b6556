import KindedErrors

/// The broad class of a ``LayerError``.
public enum LayerFailure: String, ErrorKind {
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
    /// The solver failed; the error's `solverError` holds its error.
    case solverFailed

    /// A layer error carries the underlying solver error, when its kind is ``solverFailed``.
    public typealias Details = SolverError?
}

/// The error a ``DifferentiableSolverLayer`` throws: what the caller got wrong, or the
/// solver failure that stopped a pass.
///
/// Its ``LayerFailure`` says broadly what failed; a failure of the solver (kind
/// ``LayerFailure/solverFailed``) keeps the ``SolverError`` in `solverError`. The text is
/// "kind: message".
///
/// ```swift
/// do { let (z, tape) = try layer.forward(theta) }
/// catch { print(error) }     // e.g. "nonFiniteInput: θ contains nan (row 3, index 7)"
/// ```
public typealias LayerError = KindedError<LayerFailure>

/// What only a ``LayerError`` has: wrapping a ``SolverError``.
extension KindedError where Kind == LayerFailure {
    /// Wraps a solver failure: an error of kind ``LayerFailure/solverFailed`` whose message
    /// is the solver error's description.
    ///
    /// - Parameter error: The solver's error, kept as `solverError`.
    public init(_ error: SolverError) {
        self.init(.solverFailed, error.description, solverError: error)
    }
}
