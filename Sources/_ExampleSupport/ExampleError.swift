import KindedErrors

/// The category of an ``ExampleError``.
public enum ExampleFailure: String, ErrorKind {
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

    /// The message alone.
    ///
    /// - Parameter error: An example error.
    /// - Returns: The error's message.
    public static func description(of error: ExampleError) -> String { error.message }
}

/// What can go wrong in an example: a bad option or size, a data file that is missing,
/// corrupt or of the wrong shape, or a solver that fails. The message names the offending
/// value or file.
///
/// Every example and its library throw this one type; `kind` (an ``ExampleFailure``) says
/// broadly what failed, for callers and tests that react to it. The text is the message
/// alone.
///
/// ```swift
/// do { _ = try IDXFile(contentsOf: "/nowhere/train-images-idx3-ubyte.gz") }
/// catch let error as ExampleError where error.kind == .unreadableData { print(error) }
/// ```
public typealias ExampleError = KindedError<ExampleFailure>

/// What only an ``ExampleError`` has: initializers for a bad setting.
extension KindedError where Kind == ExampleFailure {
    /// A bad setting (``ExampleFailure/invalidArgument``) described by `message`.
    ///
    /// - Parameter message: What is wrong.
    public init(_ message: String) { self.init(.invalidArgument, message) }

    /// A command-line value the example refuses, e.g. `--samples: must be between 1 and 10000 (got 0)`.
    ///
    /// - Parameters:
    ///   - option: The option, e.g. `--samples`.
    ///   - message: What is wrong with its value.
    public init(option: String, _ message: String) { self.init(.invalidArgument, "\(option): \(message)") }
}
