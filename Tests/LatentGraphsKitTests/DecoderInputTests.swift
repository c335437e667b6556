import Testing
@testable import LatentGraphsKit

@Suite("Decoder input")
struct DecoderInputTests {
    /// Teacher forcing starts from every frame but the last; a rollout of k = T − 1 starts
    /// from frame 0 only and targets frames 1 … T − 1 in order; samples repeat rows.
    @Test func starts_and_targets_follow_the_rollout_length() throws {
        let data = try GraphLayoutDataset.generate(count: 2, vertexCount: 4, timesteps: 4, seed: 1, split: 0)
        let graph = try CompleteGraph(vertexCount: 4)
        let forced = try DecoderInput(data, indices: [1], samples: 1, graph: graph, predictionSteps: 1)
        #expect(forced.startCount == 3 && forced.targets.count == 1)
        let frames = Array(data.frames(of: 1))
        #expect(forced.starts.scalars == Array(frames[0..<24]))
        #expect(forced.targets[0].scalars == Array(frames[8..<32]))
        let rollout = try DecoderInput(data, indices: [1, 0], samples: 2, graph: graph, predictionSteps: 3)
        #expect(rollout.startCount == 1 && rollout.targets.count == 3 && rollout.rows == 4)
        #expect(Array(rollout.starts.scalars[0..<8]) == Array(frames[0..<8]))
        #expect(Array(rollout.starts.scalars[8..<16]) == Array(frames[0..<8]))
        #expect(Array(rollout.targets[2].scalars[0..<8]) == Array(frames[24..<32]))
        #expect(throws: LatentGraphsError.self) { try DecoderInput(data, indices: [0], samples: 1, graph: graph, predictionSteps: 2) }
        #expect(throws: LatentGraphsError.self) { try DecoderInput(data, indices: [], samples: 1, graph: graph) }
    }
}
