/// Why a model file could not be turned into a ``LinearProgram``, with the file and line
/// GLPK complained about.
///
/// ```swift
/// do { _ = try LinearProgram(contentsOf: "broken.lp", format: .cplexLP) }
/// catch { print(error.path, error.line ?? -1, error.message) }   // broken.lp 3 "…"
/// ```
public struct ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The file does not exist or cannot be read.
        case unreadable
        /// GLPK could not parse or translate the file.
        case malformed
        /// GLPK failed internally while reading (its fatal-error path).
        case libraryFailure
        /// Translating a MathProg model took longer or needed more memory than its
        /// ``MathProgLimits`` allow.
        case translationLimitExceeded
    }

    /// The broad class of failure.
    public var reason: Reason
    /// The file the problem is in (the data file when GLPK blamed it).
    public var path: String
    /// The 1-based line GLPK reported, when it reported one.
    public var line: Int?
    /// What went wrong, in GLPK's words where it gave any.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, path: String, line: Int? = nil, message: String) {
        self.reason = reason
        self.path = path
        self.line = line
        self.message = message
    }

    /// "reason: path:line: message" (the line only when known).
    public var description: String {
        "\(reason.rawValue): \(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
