/// A problem with a dataset file: missing, not gzip or IDX, truncated, or of the wrong kind.
///
/// ```swift
/// do { _ = try IDXFile(contentsOf: "/nowhere/train-images-idx3-ubyte.gz") }
/// catch let error as DatasetError { print(error.message) }
/// ```
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a ``DatasetError``.
    public enum Kind: Sendable, Hashable {
        /// The file cannot be opened or read.
        case unreadable
        /// The gzip stream is corrupt or ends early.
        case corruptCompression
        /// The IDX header is malformed or the payload is shorter or longer than the header says.
        case malformedIDX
        /// The files do not fit together (image and label counts, image sizes).
        case inconsistent
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

    public var description: String { "DatasetError(\(kind)): \(message)" }
}
