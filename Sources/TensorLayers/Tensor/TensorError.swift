import KindedErrors

/// The category of a ``TensorError``.
public enum TensorFailure: String, ErrorKind {
    /// Shapes or element counts do not fit together.
    case shapeMismatch
    /// A value is outside what the operation accepts (a negative dimension, a zero stride).
    case invalidArgument
    /// A value is NaN or infinite where a finite one is needed.
    case nonFinite
    /// A checkpoint file is missing, unreadable or malformed.
    case checkpoint

    /// "TensorError(kind): message".
    ///
    /// - Parameter error: A tensor error.
    /// - Returns: For example "TensorError(shapeMismatch): shape [2, 2] needs 4 scalars, got 3".
    public static func description(of error: TensorError) -> String {
        "TensorError(\(error.kind.rawValue)): \(error.message)"
    }
}

/// A problem with tensor data or shapes that a caller can fix.
///
/// Thrown by the checked entry points of the module: tensor initialisers, shape validation
/// of layers, optimiser updates and checkpoint files. Its ``TensorFailure`` says broadly what
/// failed; the text is "TensorError(kind): message".
///
/// ```swift
/// do { _ = try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
/// catch { print(error.message) }   // "shape [2, 2] needs 4 scalars, got 3"
/// ```
public typealias TensorError = KindedError<TensorFailure>
