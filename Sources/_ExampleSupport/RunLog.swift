import Foundation

/// A command's metrics file: the command line, what its runs share (settings, data sizes,
/// summaries), the wall-clock seconds so far and one record per run, written as one flat
/// JSON object.
///
/// `Settings` encodes its keys beside `command`, `wallSeconds` and `runs` (not under a key
/// of its own), so a log reads as if all were fields of one struct. Commands save the log
/// after every epoch, so that a stopped run keeps what it finished.
///
/// ```swift
/// struct Settings: Encodable { var batchSize: Int; var seed: UInt64 }
/// var log = RunLog<Settings, TrainingRecord>(executable: "DiscreteVAE", settings: Settings(batchSize: 100, seed: 1))
/// log.runs.append(record)
/// try log.saved(since: started, in: directory)
/// ```
public struct RunLog<Settings: Encodable, Run: Encodable>: Encodable {
    /// The command line that produced the runs (see ``RecordedCommand``).
    public var command: String
    /// What the runs share; its keys stand beside the log's own.
    public var settings: Settings
    /// Wall-clock seconds from the start of the command to the last save.
    public var wallSeconds: Double
    /// One record per run, in the order they ran.
    public var runs: [Run]

    /// A log of `runs` by `command`.
    public init(command: String, settings: Settings, runs: [Run] = [], wallSeconds: Double = 0) {
        self.command = command
        self.settings = settings
        self.runs = runs
        self.wallSeconds = wallSeconds
    }

    /// A log of this process's command line (``RecordedCommand/current(executable:)``).
    public init(executable: String, settings: Settings, runs: [Run] = [], wallSeconds: Double = 0) {
        self.init(command: RecordedCommand.current(executable: executable), settings: settings, runs: runs,
                  wallSeconds: wallSeconds)
    }

    private enum CodingKeys: String, CodingKey {
        case command, wallSeconds, runs
    }

    /// Encodes the settings' keys and `command`, `wallSeconds` and `runs` into one object.
    public func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encode(runs, forKey: .runs)
    }

    /// Writes the log as pretty-printed, key-sorted JSON.
    ///
    /// - Parameters:
    ///   - directory: Where to write.
    ///   - name: The file's name.
    /// - Throws: ``ExampleError`` of kind ``ExampleError/Kind/unreadableData`` when the file
    ///   cannot be written or a value cannot be encoded.
    public func save(in directory: OutputDirectory, as name: String = "metrics.json") throws(ExampleError) {
        try directory.saveJSON(self, to: name)
    }

    /// The log with `runs` and the seconds since `started`, written to `metrics.json`.
    ///
    /// - Throws: ``ExampleError`` when the file cannot be written.
    @discardableResult
    public func saved(runs: [Run], since started: Date, in directory: OutputDirectory) throws(ExampleError) -> Self {
        var log = self
        log.runs = runs
        log.wallSeconds = Date().timeIntervalSince(started)
        try log.save(in: directory)
        return log
    }
}

extension RunLog: Sendable where Settings: Sendable, Run: Sendable {}
