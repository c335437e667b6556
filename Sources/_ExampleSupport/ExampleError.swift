/// What can go wrong in an example: a bad option or size, a data file that is missing,
/// corrupt or of the wrong shape, or a solver that fails. The message names the offending
/// value or file.
///
/// Every example and its library throw this one type; ``kind`` says broadly what failed, for
/// callers and tests that react to it.
///
/// ```swift
/// do { _ = try IDXFile(contentsOf: "/nowhere/train-images-idx3-ubyte.gz") }
/// catch let error as ExampleError where error.kind == .unreadableData { print(error) }
/// ```
public struct ExampleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of an ``ExampleError``.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An option, size, degree or other setting is out of range or malformed.
        case invalidArgument
        /// Arrays whose shapes do not fit together (features, costs, solutions, weights, maps).
        case shapeMismatch
        /// A file is missing, cannot be read, or holds the wrong element type.
        case unreadableData
        /// A gzip stream is corrupt or ends early.
        case corruptCompression
        /// A file's header is malformed or its payload is shorter or longer than the header says.
        case malformedFile
        /// Files that do not fit together (image and label counts, image sizes, instance counts).
        case inconsistent
        /// A solver or the layer failed.
        case solverFailed
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

    /// A bad setting (``Kind/invalidArgument``) described by `message`.
    public init(_ message: String) { self.init(.invalidArgument, message) }

    /// A command-line value the example refuses, e.g. `--samples: must be between 1 and 10000 (got 0)`.
    ///
    /// - Parameters:
    ///   - option: The option, e.g. `--samples`.
    ///   - message: What is wrong with its value.
    public init(option: String, _ message: String) { self.init(.invalidArgument, "\(option): \(message)") }

    /// The message.
    public var description: String { message }
}
