/// A problem with tensor data or shapes that a caller can fix.
///
/// Thrown by the checked entry points of the module: tensor initialisers, shape validation
/// of layers, optimiser updates and checkpoint files.
///
/// ```swift
/// do { _ = try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
/// catch { print(error.message) }   // "shape [2, 2] needs 4 scalars, got 3"
/// ```
public struct TensorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a ``TensorError``.
    public enum Kind: Sendable, Hashable {
        /// Shapes or element counts do not fit together.
        case shapeMismatch
        /// A value is outside what the operation accepts (a negative dimension, a zero stride).
        case invalidArgument
        /// A value is NaN or infinite where a finite one is needed.
        case nonFinite
        /// A checkpoint file is missing, unreadable or malformed.
        case checkpoint
    }

    /// What went wrong, broadly.
    public let kind: Kind
    /// What went wrong, in words.
    public let message: String

    /// An error of `kind` described by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// "TensorError(kind): message".
    public var description: String { "TensorError(\(kind)): \(message)" }
}
