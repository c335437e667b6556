import DifferentiableSolvers
import TensorLayers
import Testing
@testable import LatentGraphsKit
import _ExampleSupport

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
        #expect(rollout.targetMasks.allSatisfy { $0 == nil })
        #expect(throws: ExampleError.self) { try DecoderInput(data, indices: [0], samples: 1, graph: graph, predictionSteps: 4) }
        #expect(throws: ExampleError.self) { try DecoderInput(data, indices: [0], samples: 1, graph: graph, predictionSteps: 0) }
        #expect(throws: ExampleError.self) { try DecoderInput(data, indices: [], samples: 1, graph: graph) }
    }

    /// k = 2 with T − 1 = 3 transitions (the reference's k = 10 with T = 20, in small): starts
    /// at frames 0 and 2; the second rollout's step 2 would reach frame 4, which does not
    /// exist, so it is masked out and only that entry.
    @Test func a_rollout_past_the_last_frame_is_masked() throws {
        let data = try GraphLayoutDataset.generate(count: 1, vertexCount: 4, timesteps: 4, seed: 1, split: 0)
        let graph = try CompleteGraph(vertexCount: 4)
        let input = try DecoderInput(data, indices: [0], samples: 1, graph: graph, predictionSteps: 2)
        let frames = Array(data.frames(of: 0))
        #expect(input.startCount == 2 && input.targets.count == 2)
        #expect(input.starts.scalars == Array(frames[0..<8]) + Array(frames[16..<24]))
        #expect(input.targets[0].scalars == Array(frames[8..<16]) + Array(frames[24..<32]))
        #expect(input.targetMasks[0] == nil)
        #expect(input.targetMasks[1]?.scalars == [Float](repeating: 1, count: 8) + [Float](repeating: 0, count: 8))
        #expect(Array(input.targets[1].scalars[0..<8]) == Array(frames[16..<24]))
    }

    /// The masked step contributes nothing: the loss equals the sum of the unmasked squared
    /// errors computed by hand from the decoder's own one-step predictions.
    @Test func masked_steps_do_not_count_in_the_loss() throws {
        let data = try GraphLayoutDataset.generate(count: 1, vertexCount: 4, timesteps: 4, seed: 2, split: 0)
        let graph = try CompleteGraph(vertexCount: 4)
        var generator = SeededGenerator(seed: 3)
        var decoder = try InteractionDecoder(graph: graph, hiddenSize: 8, using: &generator)
        decoder.readout.weight = try Tensor(shape: decoder.readout.weight.shape,
                                            scalars: (0..<decoder.readout.weight.scalars.count).map { Float($0 % 5) * 0.01 })
        let input = try DecoderInput(data, indices: [0], samples: 1, graph: graph, predictionSteps: 2)
        let edges = try Tensor(shape: [1, 6], scalars: [1, 1, 1, 0, 0, 0])
        let gates = decoder.gate(edges, startOnes: input.startOnes)
        let first = decoder.step(input.starts, gate: gates), second = decoder.step(first, gate: gates)
        let frames = Array(data.frames(of: 0))
        var expected: Float = 0
        for (value, target) in zip(first.scalars, Array(frames[8..<16]) + Array(frames[24..<32])) { expected += (value - target) * (value - target) }
        for (value, target) in zip(second.scalars[0..<8], frames[16..<24]) { expected += (value - target) * (value - target) }
        expected /= 2 * 0.5 * 4
        let loss = decoder.negativeLogLikelihood(input, edges: edges, variance: 0.5)
        let rows = decoder.rowNegativeLogLikelihoods(input, edges: edges, variance: 0.5)
        #expect(abs(loss - expected) <= 1e-4 * max(1, abs(expected)))
        #expect(abs(rows[0] - expected) <= 1e-4 * max(1, abs(expected)))
    }
}
