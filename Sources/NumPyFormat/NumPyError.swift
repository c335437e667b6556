import KindedErrors

/// The broad class of a ``NumPyError``.
public enum NumPyFailure: String, ErrorKind {
    /// The bytes do not start with the `.npy` magic string.
    case notNumPy
    /// The format version is not 1.0, 2.0 or 3.0.
    case unsupportedVersion
    /// The header dictionary cannot be parsed or lacks a key.
    case malformedHeader
    /// The data type is not one of float32, float64, int64, uint8, bool.
    case unsupportedType
    /// The data is big-endian.
    case bigEndian
    /// The array is stored in Fortran (column-major) order.
    case fortranOrder
    /// The file ends before the header or the data does.
    case truncated
    /// The data is longer than the shape says, or values and shape disagree.
    case sizeMismatch
    /// The element type is not the one requested (e.g. integers where floats are needed).
    case wrongElementType
    /// Reading or writing the file failed.
    case io
}

/// The error the `.npy` reader and writer throw: what is wrong with which file.
///
/// Its ``NumPyFailure`` says broadly what failed; the text is "kind: message".
///
/// ```swift
/// do { _ = try NumPyArray(npyBytes: bytes) }
/// catch { print(error) }   // bigEndian: data type '>f4' is big-endian; only little-endian data is supported
/// ```
public typealias NumPyError = KindedError<NumPyFailure>
