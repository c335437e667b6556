import Foundation
import NumPyFormat
import Testing
import WarcraftShortestPathKit

/// Reading and writing the published directory layout, and rejecting broken directories.
@Suite struct WarcraftDatasetFilesTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warcraft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writtenSplitReadsBack() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try WarcraftGenerator(gridSize: 4, seed: 1).makeDataset(count: 3)
        try data.write(directory: directory, split: "test")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["test_maps.npy", "test_shortest_paths.npy", "test_vertex_weights.npy"])
        #expect(try WarcraftDataset(directory: directory, split: "test") == data)
        let maps = try NumPyArray(contentsOf: directory.appendingPathComponent("test_maps.npy"))
        #expect(maps.shape == [3, 32, 32, 3])
    }

    @Test func partsAreConcatenated() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try WarcraftGenerator(gridSize: 3, seed: 2).makeDataset(count: 5)
        let halves = [(0, 2), (2, 5)]
        for (part, (from, to)) in halves.enumerated() {
            let n = to - from
            try NumPyArray(shape: [n, 24, 24, 3], elements: .uint8(Array(data.maps[from * 1728..<to * 1728])))
                .write(to: directory.appendingPathComponent("train_maps_part\(part).npy"))
            // Weights as float64 and paths as uint8: the loader accepts any numeric type.
            try NumPyArray(shape: [n, 3, 3], elements: .float64(data.weights[from * 9..<to * 9].map { Double($0) }))
                .write(to: directory.appendingPathComponent("train_vertex_weights_part\(part).npy"))
            try NumPyArray(shape: [n, 3, 3], elements: .uint8(data.paths[from * 9..<to * 9].map { UInt8($0) }))
                .write(to: directory.appendingPathComponent("train_shortest_paths_part\(part).npy"))
        }
        #expect(try WarcraftDataset(directory: directory, split: "train") == data)
    }

    /// Expects loading to fail with a message containing `fragment`.
    static func expectFailure(_ directory: URL, mentioning fragment: String) {
        do {
            _ = try WarcraftDataset(directory: directory, split: "val")
            Issue.record("loading succeeded; expected an error mentioning \(fragment)")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test func brokenDirectoriesAreRejectedWithTheFileNamed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Self.expectFailure(directory, mentioning: "val_maps")
        let data = try WarcraftGenerator(gridSize: 4, seed: 1).makeDataset(count: 2)
        try data.write(directory: directory, split: "val")
        let weights = directory.appendingPathComponent("val_vertex_weights.npy")
        try NumPyArray(shape: [2, 4, 5], elements: .float32(Array(repeating: 1, count: 40))).write(to: weights)
        Self.expectFailure(directory, mentioning: "val_vertex_weights.npy has shape [2, 4, 5]")
        try NumPyArray(shape: [2, 4, 4], elements: .float32(Array(repeating: -1, count: 32))).write(to: weights)
        Self.expectFailure(directory, mentioning: "-1.0")
        try FileManager.default.removeItem(at: weights)
        Self.expectFailure(directory, mentioning: "val_vertex_weights")
        try data.write(directory: directory, split: "val")
        try NumPyArray(shape: [2, 32, 32, 3], elements: .float32(Array(repeating: 0, count: 6144)))
            .write(to: directory.appendingPathComponent("val_maps.npy"))
        Self.expectFailure(directory, mentioning: "uint8")
        try NumPyArray(shape: [2, 30, 30, 3], elements: .uint8(Array(repeating: 0, count: 5400)))
            .write(to: directory.appendingPathComponent("val_maps.npy"))
        Self.expectFailure(directory, mentioning: "8H × 8H × 3")
    }
}
