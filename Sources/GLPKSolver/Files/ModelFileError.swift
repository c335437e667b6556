import KindedErrors

/// The broad class of a ``ModelFileError``.
public enum ModelFileFailure: String, ErrorKind {
    /// The file does not exist or cannot be read.
    case unreadable
    /// GLPK could not parse or translate the file.
    case malformed
    /// GLPK failed internally while reading (its fatal-error path).
    case libraryFailure
    /// Translating a MathProg model took longer or needed more memory than its
    /// ``MathProgLimits`` allow.
    case translationLimitExceeded

    /// Where in which file the problem is.
    public struct Details: Sendable, Hashable {
        /// The file the problem is in (the data file when GLPK blamed it).
        public var path: String
        /// The 1-based line GLPK reported, when it reported one.
        public var line: Int?
    }

    /// "reason: path:line: message" (the line only when known).
    ///
    /// - Parameter error: A model file error.
    /// - Returns: For example "malformed: broken.lp:3: syntax error".
    public static func description(of error: ModelFileError) -> String {
        "\(error.reason.rawValue): \(error.path)\(error.line.map { ":\($0)" } ?? ""): \(error.message)"
    }
}

/// Why a model file could not be turned into a ``LinearProgram``, with the file and line
/// GLPK complained about.
///
/// Its `reason` (a ``ModelFileFailure``) says broadly what failed, `path` and `line` where.
/// The text is "reason: path:line: message", the line only when known.
///
/// ```swift
/// do { _ = try LinearProgram(contentsOf: "broken.lp", format: .cplexLP) }
/// catch { print(error.path, error.line ?? -1, error.message) }   // broken.lp 3 "…"
/// ```
public typealias ModelFileError = KindedError<ModelFileFailure>

/// What only a ``ModelFileError`` has: its reason, path and line, and its initializer.
extension KindedError where Kind == ModelFileFailure {
    /// The broad class of a model file failure.
    public typealias Reason = ModelFileFailure

    /// The broad class of failure (the error's `kind`).
    public var reason: Reason {
        get { kind }
        set { kind = newValue }
    }

    /// The file the problem is in (the data file when GLPK blamed it).
    public var path: String {
        get { details.path }
        set { details.path = newValue }
    }

    /// The 1-based line GLPK reported, when it reported one.
    public var line: Int? {
        get { details.line }
        set { details.line = newValue }
    }

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - reason: The broad class of failure.
    ///   - path: The file the problem is in.
    ///   - line: The 1-based line GLPK reported, if it reported one.
    ///   - message: What went wrong, in GLPK's words where it gave any.
    public init(_ reason: Reason, path: String, line: Int? = nil, message: String) {
        self.init(reason, message, details: ModelFileFailure.Details(path: path, line: line))
    }
}
