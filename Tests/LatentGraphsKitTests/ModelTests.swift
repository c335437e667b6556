import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import TensorLayers
import Testing
@testable import LatentGraphsKit
import _ExampleSupport

@Suite("Encoder, decoder and training")
struct ModelTests {
    static let configuration = LatentGraphConfiguration(encoderHiddenSize: 16, decoderHiddenSize: 16, variance: 5e-3,
                                                        learningRate: 3e-3, seed: 5)

    /// ∂NLL/∂z from automatic differentiation agrees with finite differences of the decoder
    /// in z, so the estimator gets the right upstream gradient.
    @Test func decoder_gradient_in_the_edges_matches_finite_differences() throws {
        let data = try GraphLayoutDataset.generate(count: 2, vertexCount: 4, timesteps: 3, seed: 1, split: 0)
        let graph = try CompleteGraph(vertexCount: 4)
        let trainer = try LatentGraphTrainer(graph: graph, timesteps: 3, estimator: .straightThrough,
                                             configuration: Self.configuration)
        let input = try DecoderInput(data, indices: [0, 1], samples: 1, graph: graph)
        let z = try Tensor(shape: [2, 6], scalars: [1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1])
        let decoder = trainer.decoder
        let analytic = gradient(at: z) { z in decoder.negativeLogLikelihood(input, edges: z, variance: 1) }.scalars
        for entry in [0, 3, 7, 11] {
            var up = z.scalars, down = z.scalars
            up[entry] += 1e-2; down[entry] -= 1e-2
            let numeric = (decoder.negativeLogLikelihood(input, edges: try Tensor(shape: [2, 6], scalars: up), variance: 1)
                - decoder.negativeLogLikelihood(input, edges: try Tensor(shape: [2, 6], scalars: down), variance: 1)) / 2e-2
            #expect(abs(numeric - analytic[entry]) <= 2e-2 * max(1, abs(numeric)))
        }
    }

    /// With sense = maximise, an upstream gradient that rewards the true edges (∂L/∂z = −truth)
    /// must come back as ∂L/∂θ < 0 on true edges and > 0 elsewhere on average, so gradient
    /// descent raises the scores of true edges — for every estimator the example compares.
    @Test(arguments: [.imle(lambda: 1, scheme: .forward), .imle(lambda: 1, scheme: .central),
                      .gumbelSoftmax(temperature: 1, blockSize: 15)] as [any GradientEstimator])
    func estimator_gradient_raises_true_edge_scores(estimator: any GradientEstimator) throws {
        let data = try GraphLayoutDataset.generate(count: 20, vertexCount: 6, timesteps: 2, seed: 4, split: 0)
        let graph = try CompleteGraph(vertexCount: 6)
        var trainer = try LatentGraphTrainer(graph: graph, timesteps: 2, estimator: estimator,
                                             configuration: LatentGraphConfiguration(samples: 4))
        let theta = Matrix(rows: 20, columns: 15, repeating: 0)
        let (z, tape) = try trainer.layer.forward(theta)
        let upstream = Matrix(rows: z.rows, columns: 15, values: (0..<z.rows).flatMap { row in data.tree(of: row / 4).map { -$0 } })
        let g = try trainer.layer.backward(upstream, tape)
        var onTrue = 0.0, onOther = 0.0
        for value in zip(g.values, data.trees) { if value.1 == 1 { onTrue += Double(value.0) } else { onOther += Double(value.0) } }
        #expect(onTrue / Double(20 * 5) < 0)
        #expect(onOther / Double(20 * 10) > 0)
    }

    /// The decoder can use the edges: trained with the true trees as z, it predicts the next
    /// positions better with the true tree than with random trees or no edges.
    @Test func decoder_told_the_true_tree_beats_a_random_tree() throws {
        let data = try GraphLayoutDataset.generate(count: 8, vertexCount: 5, timesteps: 3, seed: 2, split: 0)
        let graph = try CompleteGraph(vertexCount: 5)
        var trainer = try LatentGraphTrainer(graph: graph, timesteps: 3, estimator: .straightThrough,
                                             configuration: Self.configuration)
        let indices = Array(0..<8)
        for _ in 0..<60 { _ = try trainer.decoderStep(data, indices: indices, trees: data.trees) }
        let solver = try SpanningTree.completeGraph(vertexCount: 5, sense: .maximize)
        var generator = SeededGenerator(seed: 8)
        var random: [Float] = []
        for index in indices {
            var tree: [Float]
            repeat { tree = try solver.solve(row: (0..<10).map { _ in generator.nextGumbel() }) } while tree[...] == data.tree(of: index)
            random += tree
        }
        let truth = try trainer.decoderNegativeLogLikelihoods(data, indices: indices, trees: data.trees).reduce(0, +)
        let wrong = try trainer.decoderNegativeLogLikelihoods(data, indices: indices, trees: random).reduce(0, +)
        let none = try trainer.decoderNegativeLogLikelihoods(data, indices: indices, trees: [Float](repeating: 0, count: 80)).reduce(0, +)
        #expect(truth < 0.8 * wrong)
        #expect(truth < 0.8 * none)
    }

    /// Encoder → spanning-tree layer → decoder trains: the loss falls over a few steps.
    @Test func pipeline_loss_decreases_on_a_tiny_set() throws {
        let data = try GraphLayoutDataset.generate(count: 8, vertexCount: 5, timesteps: 3, seed: 6, split: 0)
        let graph = try CompleteGraph(vertexCount: 5)
        var trainer = try LatentGraphTrainer(graph: graph, timesteps: 3, estimator: .aimle(scheme: .central),
                                             configuration: Self.configuration)
        var losses: [Float] = []
        for _ in 0..<40 {
            let step = try trainer.trainingStep(data, indices: Array(0..<8))
            losses.append(step.negativeLogLikelihood + step.divergence)
        }
        let early = losses.prefix(5).reduce(0, +), late = losses.suffix(5).reduce(0, +)
        #expect(late < 0.5 * early)
        let scores = try trainer.evaluate(data, batchSize: 4, seed: 1)
        #expect(scores.elbo.isFinite && (0...1).contains(scores.sampled.precision))
    }

    @Test func invalid_configuration_is_an_error() throws {
        let graph = try CompleteGraph(vertexCount: 4)
        #expect(throws: ExampleError.self) {
            try LatentGraphTrainer(graph: graph, timesteps: 3, estimator: .straightThrough,
                                   configuration: LatentGraphConfiguration(variance: 0))
        }
    }
}
