import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import TensorLayers
import _ExampleSupport

/// Neural relational inference with a spanning-tree latent graph, trained as a VAE:
/// encoder → θ (one Gumbel location per edge) → z = Kruskal's maximum spanning tree of
/// θ + ε (``DifferentiableSolverLayer`` over ``SpanningTree``) → decoder likelihood of the
/// next positions; loss = NLL + KL(θ) (the negative ELBO).
///
/// One training step: the decoder's gradient ∂NLL/∂z goes through the layer's estimator
/// (IMLE, AIMLE, straight-through Gumbel-softmax …) to ∂NLL/∂θ; the KL's gradient is added
/// analytically; the encoder's pullback takes the sum; both networks take an Adam step.
///
/// ```swift
/// var trainer = try LatentGraphTrainer(graph: graph, timesteps: 10,
///                                      estimator: .aimle(scheme: .central),
///                                      configuration: LatentGraphConfiguration())
/// let losses = try trainer.trainingStep(train, indices: Array(0..<32))
/// let scores = try trainer.evaluate(valid, batchSize: 100, seed: 1)
/// ```
public struct LatentGraphTrainer: Sendable {
    /// The graph whose spanning trees are the latent states.
    public let graph: CompleteGraph
    /// The encoder.
    public var encoder: RelationalEncoder
    /// The decoder.
    public var decoder: InteractionDecoder
    /// The spanning-tree layer (maximum spanning tree of θ + ε).
    public var layer: DifferentiableSolverLayer<SpanningTree>
    /// The settings.
    public let configuration: LatentGraphConfiguration
    /// Whether ``trainingStep(_:indices:)`` updates the decoder (turn off to train the encoder
    /// alone against a fixed decoder, e.g. one trained on the true trees).
    public var trainsDecoder = true
    /// The training rollout length k (see ``LatentGraphConfiguration/predictionSteps``).
    public let predictionSteps: Int
    private var encoderOptimizer: Adam
    private var decoderOptimizer: Adam

    /// The losses of one training step, per example.
    public struct StepLosses: Sendable, Hashable {
        /// Mean negative log-likelihood over the batch's samples.
        public let negativeLogLikelihood: Float
        /// Mean KL over the batch.
        public let divergence: Float
        /// What the estimator's backward pass did (λ, sparsity, α).
        public var backward = BackwardStatistics()
        /// ‖∂NLL/∂θ‖ of the batch from the estimator (before the KL term is added).
        public var estimatorGradientNorm: Double = 0
        /// The cosine between the estimator's ∂NLL/∂θ and ``referenceGradient(_:indices:theta:samples:seed:)``
        /// on the same batch, when asked for.
        public var referenceCosine: Double?
    }

    /// A freshly initialised model.
    ///
    /// - Parameters:
    ///   - graph: the complete graph of the data.
    ///   - timesteps: frames per trajectory.
    ///   - estimator: how ∂NLL/∂z becomes ∂NLL/∂θ.
    ///   - configuration: sizes and optimisation settings.
    /// - Throws: ``ExampleError`` for an invalid configuration.
    public init(graph: CompleteGraph, timesteps: Int, estimator: any GradientEstimator,
                configuration: LatentGraphConfiguration) throws(ExampleError) {
        if let problem = configuration.problem { throw ExampleError(problem) }
        guard timesteps >= 2 else { throw ExampleError("trajectories need at least 2 frames (got \(timesteps))") }
        let steps = configuration.predictionSteps ?? LatentGraphConfiguration.defaultPredictionSteps(timesteps: timesteps)
        guard steps <= timesteps - 1 else {
            throw ExampleError("the prediction steps (\(steps)) must not exceed T − 1 = \(timesteps - 1)")
        }
        predictionSteps = steps
        var generator = SeededGenerator(seed: configuration.seed, stream: [0x6e7269])
        encoder = try RelationalEncoder(graph: graph, timesteps: timesteps,
                                        hiddenSize: configuration.encoderHiddenSize, using: &generator)
        decoder = try InteractionDecoder(graph: graph, hiddenSize: configuration.decoderHiddenSize, using: &generator)
        let solver: SpanningTree
        do { solver = try SpanningTree.completeGraph(vertexCount: graph.vertexCount, sense: .maximize) } catch {
            throw ExampleError("cannot build the spanning-tree solver: \(error)")
        }
        layer = DifferentiableSolverLayer(solver: solver, estimator: estimator, noise: .gumbel,
                                          samples: configuration.samples, seed: configuration.seed)
        self.graph = graph
        self.configuration = configuration
        encoderOptimizer = Adam(learningRate: configuration.learningRate)
        decoderOptimizer = Adam(learningRate: configuration.learningRate)
    }

    /// The step size of both optimisers.
    public var learningRate: Float {
        get { encoderOptimizer.learningRate }
        set { encoderOptimizer.learningRate = newValue; decoderOptimizer.learningRate = newValue }
    }

    /// One optimisation step of encoder and decoder on examples `indices`.
    ///
    /// - Parameter referenceSamples: when set, also estimates the gradient of the expected
    ///   NLL on the same batch with that many trees per example (see
    ///   ``referenceGradient(_:indices:theta:samples:seed:)``) and reports its cosine with the
    ///   estimator's ∂NLL/∂θ.
    /// - Throws: ``ExampleError`` when the layer, the solver or the optimiser fails.
    public mutating func trainingStep(_ dataset: GraphLayoutDataset, indices: [Int],
                                      referenceSamples: Int? = nil) throws(ExampleError) -> StepLosses {
        let encoderInput = try EncoderInput(dataset, indices: indices, graph: graph)
        let decoderInput = try DecoderInput(dataset, indices: indices, samples: layer.samples, graph: graph,
                                            predictionSteps: predictionSteps)
        let (theta, encoderPullback) = valueWithPullback(at: encoder) { $0(encoderInput) }
        let batch = indices.count, edges = graph.edgeCount, rows = batch * layer.samples
        let thetaValues = theta.scalars
        do {
            let (z, tape) = try layer.forward(Matrix(rows: batch, columns: edges, values: thetaValues))
            let sampled = try Tensor(shape: [rows, edges], scalars: z.values)
            let variance = configuration.variance
            let (likelihood, (decoderGradient, edgeGradient)) = valueWithGradient(at: decoder, sampled) { decoder, z in
                decoder.negativeLogLikelihood(decoderInput, edges: z, variance: variance) / Float(rows)
            }
            let upstream = edgeGradient.isZero ? [Float](repeating: 0, count: rows * edges) : edgeGradient.scalars
            let (estimate, statistics) = try layer.backwardWithStatistics(Matrix(rows: rows, columns: edges, values: upstream), tape)
            var thetaGradient = estimate.values
            let estimateNorm = thetaGradient.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            let referenceCosine = try referenceSamples.map { samples in
                let reference = try referenceGradient(dataset, indices: indices, theta: thetaValues, samples: samples,
                                                      seed: configuration.seed ^ layer.step)
                return try cosineSimilarity(thetaGradient, reference)
            }
            var divergence: Float = 0
            for row in 0..<batch {
                let slice = thetaValues[(row * edges)..<((row + 1) * edges)]
                divergence += GumbelPriorDivergence.value(theta: slice, vertexCount: graph.vertexCount)
                let klGradient = GumbelPriorDivergence.gradient(theta: slice, vertexCount: graph.vertexCount,
                                                                 scale: 1 / Float(batch))
                for e in 0..<edges { thetaGradient[row * edges + e] += klGradient[e] }
            }
            let encoderGradient = encoderPullback(try Tensor(shape: [batch, edges], scalars: thetaGradient))
            try encoderOptimizer.update(&encoder, along: encoderGradient)
            if trainsDecoder { try decoderOptimizer.update(&decoder, along: decoderGradient) }
            return StepLosses(negativeLogLikelihood: likelihood, divergence: divergence / Float(batch),
                              backward: statistics, estimatorGradientNorm: estimateNorm, referenceCosine: referenceCosine)
        } catch {
            throw ExampleError("training step failed: \(error)")
        }
    }

    /// One decoder-only step with the given trees as z (the encoder is not used): the
    /// oracle that shows how well the decoder predicts when it knows the graph.
    ///
    /// - Parameter trees: [B, E] edge indicators, one row per example of `indices`.
    /// - Returns: the mean negative log-likelihood before the step.
    /// - Throws: ``ExampleError`` for mismatched sizes or an optimiser failure.
    public mutating func decoderStep(_ dataset: GraphLayoutDataset, indices: [Int], trees: [Float]) throws(ExampleError) -> Float {
        let input = try DecoderInput(dataset, indices: indices, samples: 1, graph: graph, predictionSteps: predictionSteps)
        do {
            let z = try Tensor(shape: [indices.count, graph.edgeCount], scalars: trees)
            let variance = configuration.variance, rows = Float(indices.count)
            let (value, gradient) = valueWithGradient(at: decoder) { decoder in
                decoder.negativeLogLikelihood(input, edges: z, variance: variance) / rows
            }
            try decoderOptimizer.update(&decoder, along: gradient)
            return value
        } catch {
            throw ExampleError("decoder step failed: \(error)")
        }
    }

    /// The decoder's negative log-likelihood of each example of `indices` given trees z,
    /// with teacher forcing.
    ///
    /// - Throws: ``ExampleError`` for mismatched sizes.
    public func decoderNegativeLogLikelihoods(_ dataset: GraphLayoutDataset, indices: [Int],
                                              trees: [Float]) throws(ExampleError) -> [Float] {
        let input = try DecoderInput(dataset, indices: indices, samples: 1, graph: graph)
        do {
            let z = try Tensor(shape: [indices.count, graph.edgeCount], scalars: trees)
            return decoder.rowNegativeLogLikelihoods(input, edges: z, variance: configuration.variance)
        } catch {
            throw ExampleError("cannot evaluate the decoder: \(error)")
        }
    }

    /// The edge scores θ of examples `indices`, [B · E].
    ///
    /// - Throws: ``ExampleError`` for an empty batch.
    public func scores(_ dataset: GraphLayoutDataset, indices: [Int]) throws(ExampleError) -> [Float] {
        encoder(try EncoderInput(dataset, indices: indices, graph: graph)).scalars
    }

    /// Test-time scores on a split: ELBO with one perturb-and-MAP tree per example (teacher
    /// forcing, as the reference evaluates), and edge precision/recall of that sampled tree
    /// and of the MAP tree.
    ///
    /// - Parameters:
    ///   - dataset: the split.
    ///   - batchSize: examples per encoder/decoder call.
    ///   - seed: the seed of the evaluation noise (example i uses stream i).
    /// - Throws: ``ExampleError`` when the solver fails.
    public func evaluate(_ dataset: GraphLayoutDataset, batchSize: Int, seed: UInt64) throws(ExampleError) -> LatentGraphEvaluation {
        let edges = graph.edgeCount
        var elbo = 0.0, likelihood = 0.0, divergence = 0.0
        var sampledScores: [EdgeRecovery] = [], modeScores: [EdgeRecovery] = [], complementScores: [EdgeRecovery] = []
        for start in stride(from: 0, to: dataset.count, by: max(batchSize, 1)) {
            let indices = Array(start..<min(start + max(batchSize, 1), dataset.count))
            let theta = try scores(dataset, indices: indices)
            var perturbed = theta
            for (row, index) in indices.enumerated() {
                var generator = SeededGenerator(seed: seed, stream: [UInt64(index)])
                for e in 0..<edges { perturbed[row * edges + e] += generator.nextGumbel() }
            }
            let sampled: Matrix, mode: Matrix
            do {
                sampled = try layer.solver.solveBatch(Matrix(rows: indices.count, columns: edges, values: perturbed))
                mode = try layer.solver.solveBatch(Matrix(rows: indices.count, columns: edges, values: theta))
            } catch {
                throw ExampleError("Kruskal failed during evaluation: \(error)")
            }
            let nll = try decoderNegativeLogLikelihoods(dataset, indices: indices, trees: sampled.values)
            for (row, index) in indices.enumerated() {
                let range = (row * edges)..<((row + 1) * edges)
                let kl = GumbelPriorDivergence.value(theta: theta[range], vertexCount: graph.vertexCount)
                likelihood += Double(nll[row])
                divergence += Double(kl)
                elbo -= Double(nll[row] + kl)
                sampledScores.append(EdgeRecovery(predicted: sampled.values[range], truth: dataset.tree(of: index)))
                modeScores.append(EdgeRecovery(predicted: mode.values[range], truth: dataset.tree(of: index)))
                complementScores.append(EdgeRecovery(predicted: sampled.values[range].map { 1 - $0 }[...],
                                                     truth: dataset.tree(of: index)))
            }
        }
        let count = Double(max(dataset.count, 1))
        return LatentGraphEvaluation(elbo: elbo / count, negativeLogLikelihood: likelihood / count,
                                     divergence: divergence / count, sampled: .mean(sampledScores),
                                     mode: .mean(modeScores), complement: .mean(complementScores))
    }
}
