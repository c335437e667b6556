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

    /// Writes `value` as pretty-printed, key-sorted JSON, for files a command saves as it goes
    /// (metrics after every epoch).
    ///
    /// - Throws: ``ExampleError`` of kind ``ExampleError/Kind/unreadableData`` naming the file
    ///   when it cannot be written or a value cannot be encoded.
    public func saveJSON<Value: Encodable>(_ value: Value, to name: String) throws(ExampleError) {
        do { try writeJSON(value, to: name) } catch {
            throw ExampleError(.unreadableData, "could not write \(name): \(error)")
        }
    }

    /// Writes text (CSV, Markdown …).
    public func writeText(_ text: String, to name: String) throws {
        try text.write(to: file(name), atomically: true, encoding: .utf8)
    }
}
