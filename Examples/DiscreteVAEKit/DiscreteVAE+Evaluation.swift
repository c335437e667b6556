import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

extension DiscreteVAE {
    /// The mean negative ELBO −log p(x | z) + KL(q ‖ uniform) of binary images, with one
    /// perturb-and-MAP sample z per image drawn from a generator seeded with `seed` (the same
    /// noise for every model, so test losses compare).
    ///
    /// - Throws: ``ExampleError`` for an empty or ragged set of images, or when sampling fails.
    public func negativeELBO(images: [Float], count: Int, seed: UInt64, batchSize: Int = 500) throws(ExampleError) -> Double {
        let pixels = encoder.inputSize, batchSize = max(batchSize, 1)
        try validateBatch(images, count: count, pixels: pixels)
        var sampler = evaluationLayer(seed: seed)
        var total = 0.0
        for start in stride(from: 0, to: count, by: batchSize) {
            let end = min(start + batchSize, count)
            let batch = Array(images[start * pixels ..< end * pixels])
            let theta = encoder(try tensor(batch, [end - start, pixels])).scalars
            let z: Matrix
            do { z = try sampler.forward(Matrix(rows: end - start, columns: latent.variableCount, values: theta)).z } catch {
                throw ExampleError("sampling the latent: \(error)")
            }
            let logits = decoder(try tensor(z.values, [z.rows, z.columns])).scalars
            total += BernoulliLikelihood.rowLosses(logits: logits, labels: batch, columns: pixels).reduce(0.0) { $0 + Double($1) }
            total += Double(Self.priorKL(theta, rows: end - start, blockSize: latent.blockSize).value) * Double(end - start)
        }
        return total / Double(max(count, 1))
    }

    /// Pixel probabilities σ(decoder(z)) of the reconstructions of `images`, one sampled z each.
    public func reconstructions(images: [Float], count: Int, seed: UInt64) throws(ExampleError) -> [Float] {
        let pixels = encoder.inputSize
        try validateBatch(images, count: count, pixels: pixels)
        var sampler = evaluationLayer(seed: seed)
        let theta = encoder(try tensor(images, [count, pixels])).scalars
        let z: Matrix
        do { z = try sampler.forward(Matrix(rows: count, columns: latent.variableCount, values: theta)).z } catch {
            throw ExampleError("sampling the latent: \(error)")
        }
        return sigmoid(decoder(try tensor(z.values, [count, z.columns]))).scalars
    }

    /// Pixel probabilities of images decoded from latents drawn from the uniform prior.
    public func priorSamples(count: Int, seed: UInt64) throws(ExampleError) -> [Float] {
        guard count >= 1 else { throw ExampleError("ask for at least one prior sample (got \(count))") }
        var sampler = evaluationLayer(seed: seed)
        let flat = Matrix(rows: count, columns: latent.variableCount, values: [Float](repeating: 0, count: count * latent.variableCount))
        let z: Matrix
        do { z = try sampler.forward(flat).z } catch { throw ExampleError("sampling the prior: \(error)") }
        return sigmoid(decoder(try tensor(z.values, [count, z.columns]))).scalars
    }

    /// A one-sample perturb-and-MAP sampler over the latent (θ = 0 samples the uniform prior).
    func evaluationLayer(seed: UInt64) -> DifferentiableSolverLayer<BlockTopK> {
        DifferentiableSolverLayer(solver: layer.solver, estimator: .straightThrough, noise: latent.defaultNoise,
                                  samples: 1, seed: seed)
    }
}
