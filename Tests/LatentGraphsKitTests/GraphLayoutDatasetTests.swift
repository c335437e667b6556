import Foundation
import Testing
@testable import LatentGraphsKit
import _ExampleSupport

@Suite("Graph-layout data")
struct GraphLayoutDatasetTests {
    @Test func generation_is_deterministic_per_seed() throws {
        let a = try GraphLayoutDataset.generate(count: 5, vertexCount: 6, timesteps: 4, seed: 3, split: 0)
        let b = try GraphLayoutDataset.generate(count: 5, vertexCount: 6, timesteps: 4, seed: 3, split: 0)
        let c = try GraphLayoutDataset.generate(count: 5, vertexCount: 6, timesteps: 4, seed: 4, split: 0)
        let d = try GraphLayoutDataset.generate(count: 5, vertexCount: 6, timesteps: 4, seed: 3, split: 1)
        #expect(a == b)
        #expect(a.trees != c.trees && a.trajectories != c.trajectories)
        #expect(a.trees != d.trees)
        #expect(a.trajectories.count == 5 * 4 * 6 * 2)
    }

    /// Every tree has n − 1 edges and connects all vertices (checked by a search of its own).
    @Test func trees_are_spanning_trees() throws {
        let n = 10
        let data = try GraphLayoutDataset.generate(count: 30, vertexCount: n, timesteps: 2, seed: 1, split: 0)
        let graph = try CompleteGraph(vertexCount: n)
        var distinct = Set<[Float]>()
        for index in 0..<data.count {
            let tree = Array(data.tree(of: index))
            distinct.insert(tree)
            #expect(tree.filter { $0 == 1 }.count == n - 1)
            #expect(tree.allSatisfy { $0 == 0 || $0 == 1 })
            var reached: Set<Int> = [0], frontier = [0]
            while let v = frontier.popLast() {
                for (e, pair) in graph.undirected.enumerated() where tree[e] == 1 && (pair.first == v || pair.second == v) {
                    let w = pair.first == v ? pair.second : pair.first
                    if reached.insert(w).inserted { frontier.append(w) }
                }
            }
            #expect(reached.count == n)
        }
        #expect(distinct.count > 25)
    }

    /// Positions are the layout rounds: frame t + 1 is one FR step of frame t on the tree.
    @Test func frames_follow_the_layout_of_the_tree() throws {
        let data = try GraphLayoutDataset.generate(count: 2, vertexCount: 5, timesteps: 3, seed: 9, split: 2)
        let graph = try CompleteGraph(vertexCount: 5)
        let frames = Array(data.frames(of: 1)).map(Double.init)
        let next = ForceDirectedLayout.step(positions: Array(frames[0..<10]), adjacency: graph.adjacency(of: data.tree(of: 1)),
                                            vertexCount: 5)
        for (value, expected) in zip(frames[10..<20], next) { #expect(abs(value - expected) < 1e-5) }
    }

    @Test func npy_round_trip_and_normalisation() throws {
        let data = try GraphLayoutDataset.generate(count: 3, vertexCount: 4, timesteps: 3, seed: 2, split: 0)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("latent-graphs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try data.write(to: directory, split: "train")
        #expect(try GraphLayoutDataset(directory: directory, split: "train") == data)
        #expect(throws: ExampleError.self) { try GraphLayoutDataset(directory: directory, split: "missing") }
        let normalized = data.normalized(from: data.range)
        #expect(normalized.range.lowerBound == -1 && abs(normalized.range.upperBound - 1) < 1e-6)
    }

    @Test func bad_sizes_are_errors() {
        #expect(throws: ExampleError.self) { try GraphLayoutDataset.generate(count: 0, vertexCount: 5, timesteps: 3, seed: 0, split: 0) }
        #expect(throws: ExampleError.self) { try GraphLayoutDataset.generate(count: 2, vertexCount: 1, timesteps: 3, seed: 0, split: 0) }
        #expect(throws: ExampleError.self) { try GraphLayoutDataset(vertexCount: 4, timesteps: 3, trajectories: [0], trees: [0]) }
    }
}
