import DifferentiableSolvers
import Foundation
import _ExampleSupport
import TensorLayers

extension LatentGraphTrainer {
    /// A many-sample, unbiased estimate of ∇θ E_ε[NLL(MAP(θ + τε))] with ε standard Gumbel,
    /// the gradient of the expected loss under the distribution the forward pass samples
    /// from — the direction a perturbation-based estimator should point in.
    ///
    /// It is the score function of the noise: with u = θ + τε and g the Gumbel density,
    /// ∇θ log g((u − θ)/τ) = (1 − e^{−ε}) / τ, so the estimate is
    /// (1/S) Σ_s (NLL_s − b_s)(1 − e^{−ε_s}) / τ per example, with the leave-one-out
    /// baseline b_s (the mean of the other samples' losses; E[1 − e^{−ε}] = 0 keeps it
    /// unbiased). The loss of a tree is the decoder's NLL of the example, as in training.
    ///
    /// - Parameters:
    ///   - theta: the encoder's scores of examples `indices`, [B · E].
    ///   - samples: S ≥ 2, trees per example.
    ///   - seed: the seed of the noise.
    /// - Returns: the estimate, [B · E], scaled like the training loss's gradient (1/B).
    /// - Throws: ``ExampleError`` for fewer than 2 samples or a solver failure.
    public func referenceGradient(_ dataset: GraphLayoutDataset, indices: [Int], theta: [Float], samples: Int,
                                  seed: UInt64) throws(ExampleError) -> [Float] {
        guard samples >= 2 else { throw ExampleError("the reference gradient needs at least 2 samples (got \(samples))") }
        let edges = graph.edgeCount, batch = indices.count, rows = batch * samples
        guard theta.count == batch * edges else {
            throw ExampleError("expected \(batch * edges) scores, got \(theta.count)")
        }
        let temperature = layer.forwardTemperature
        var noise = [Float](repeating: 0, count: rows * edges)
        var perturbed = noise
        for row in 0..<batch {
            var generator = SeededGenerator(seed: seed, stream: [0x7265_6667, UInt64(indices[row])])
            for s in 0..<samples {
                let offset = (row * samples + s) * edges
                for e in 0..<edges {
                    let epsilon = generator.nextGumbel()
                    noise[offset + e] = epsilon
                    perturbed[offset + e] = theta[row * edges + e] + temperature * epsilon
                }
            }
        }
        let trees: Matrix
        do { trees = try layer.solver.solveBatch(Matrix(rows: rows, columns: edges, values: perturbed)) } catch {
            throw ExampleError("Kruskal failed on the reference samples: \(error)")
        }
        let input = try DecoderInput(dataset, indices: indices, samples: samples, graph: graph, predictionSteps: predictionSteps)
        let losses: [Float]
        do {
            let z = try Tensor(shape: [rows, edges], scalars: trees.values)
            losses = decoder.rowNegativeLogLikelihoods(input, edges: z, variance: configuration.variance)
        } catch {
            throw ExampleError("cannot evaluate the decoder on the reference samples: \(error)")
        }
        let scores = noise.map { 1 - $0.negatedExponential }
        return LeaveOneOutEstimate.gradient(losses: losses, scores: scores, rows: batch, samples: samples,
                                            scale: 1 / (Double(temperature) * Double(batch)))
    }
}

extension Float {
    /// e^{−x}.
    fileprivate var negatedExponential: Float { Float(exp(-Double(self))) }
}
