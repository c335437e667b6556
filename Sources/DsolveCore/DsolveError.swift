/// A problem with the input of a `dsolve` command, reported on standard error with a
/// non-zero exit status.
public struct DsolveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with which input.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
