import Foundation

/// The folder an example writes its figures and metrics into (created when missing).
public struct OutputDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder at `path`.
    public init(_ path: String) throws {
        url = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The URL of `name` inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `value` as pretty-printed, key-sorted JSON.
    public func writeJSON<Value: Encodable>(_ value: Value, to name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(value).write(to: file(name))
    }

    /// Writes text (CSV, Markdown …).
    public func writeText(_ text: String, to name: String) throws {
        try text.write(to: file(name), atomically: true, encoding: .utf8)
    }
}
