/// A configuration or training problem of the discrete VAE, with a message for the user.
///
/// ```swift
/// throw VAEError("the exact gradient needs a single categorical latent")
/// ```
public struct VAEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// An error described by `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
