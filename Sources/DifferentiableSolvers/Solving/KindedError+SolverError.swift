import KindedErrors

/// The underlying solver error of the errors whose details are one (``LayerError`` and the
/// registry's error), and their initializer.
extension KindedError where Kind.Details == SolverError? {
    /// The underlying solver error: the one a ``LayerError`` of kind
    /// ``LayerFailure/solverFailed`` wraps, or the one a solver's factory threw.
    public var solverError: SolverError? {
        get { details }
        set { details = newValue }
    }

    /// Creates an error of `kind` described by `message`.
    ///
    /// - Parameters:
    ///   - kind: The broad class of failure.
    ///   - message: What went wrong and how to fix it.
    ///   - solverError: The underlying solver error, if any.
    public init(_ kind: Kind, _ message: String, solverError: SolverError? = nil) {
        self.init(kind, message, details: solverError)
    }
}
