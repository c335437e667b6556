/// A problem with the input or configuration of the latent-graph experiment: a bad size,
/// a malformed data file, a solver or layer failure. The message says what and why.
public struct LatentGraphsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
