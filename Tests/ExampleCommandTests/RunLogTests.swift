import Foundation
import Testing
import _ExampleSupport

/// What a run log's settings stand for in the tests.
private struct Settings: Encodable {
    var batchSize: Int
    var trainMaps: Int?
}

/// One run's record.
private struct Run: Encodable {
    var method: String
}

@Suite("RunLog writes one flat, key-sorted metrics object")
struct RunLogTests {
    private func temporaryDirectory() throws -> OutputDirectory {
        try OutputDirectory(FileManager.default.temporaryDirectory.appendingPathComponent("run-log-\(UUID().uuidString)").path)
    }

    @Test("the settings' keys stand beside command, wallSeconds and runs, sorted")
    func flatObject() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let log = RunLog(command: "Tool --seed 1", settings: Settings(batchSize: 32, trainMaps: nil), runs: [Run(method: "spo+")],
                         wallSeconds: 1.5)
        try log.save(in: directory)
        let text = try String(contentsOf: directory.file("metrics.json"), encoding: .utf8)
        let expected = """
            {
              "batchSize" : 32,
              "command" : "Tool --seed 1",
              "runs" : [
                {
                  "method" : "spo+"
                }
              ],
              "wallSeconds" : 1.5
            }
            """
        #expect(text == expected)
    }

    @Test("saved(runs:since:in:) replaces the runs, times the log and writes it")
    func saved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let started = Date(timeIntervalSinceNow: -2)
        let empty = RunLog<Settings, Run>(executable: "Tool", settings: Settings(batchSize: 1, trainMaps: 4))
        #expect(empty.runs.isEmpty && empty.wallSeconds == 0 && !empty.command.isEmpty)
        let log = try empty.saved(runs: [Run(method: "a"), Run(method: "b")], since: started, in: directory)
        #expect(log.runs.map(\.method) == ["a", "b"] && log.wallSeconds >= 2)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.file("metrics.json"))) as? [String: Any]
        #expect(object?["trainMaps"] as? Int == 4 && (object?["runs"] as? [Any])?.count == 2)
    }

    @Test("a file that cannot be written is an ExampleError naming it")
    func unwritable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let log = RunLog<Settings, Run>(command: "Tool", settings: Settings(batchSize: 1))
        #expect {
            try log.save(in: directory, as: "missing-folder/metrics.json")
        } throws: { error in
            guard let error = error as? ExampleError else { return false }
            return error.kind == .unreadableData && error.message.contains("missing-folder/metrics.json")
        }
    }
}
