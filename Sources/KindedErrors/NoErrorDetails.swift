/// The ``ErrorKind/Details`` of errors that carry nothing besides their kind and message.
public struct NoErrorDetails: Sendable, Hashable {
    /// Nothing.
    public init() {}
}
