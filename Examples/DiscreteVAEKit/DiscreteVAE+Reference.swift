import DifferentiableSolvers
import _ExampleSupport

extension DiscreteVAE {
    /// A many-sample, unbiased estimate of ∇θ E_Z[f(MAP(θ + σZ))] with Z standard normal and f
    /// the decoder's reconstruction loss of each image: Stein's lemma for Gaussian smoothing
    /// (Berthet et al. 2020, Prop. 3.1 with a loss instead of a state),
    /// (1/S) Σ_s (f_s − b_s) Z_s / σ per image, with the leave-one-out baseline b_s.
    ///
    /// σ is the standard deviation of the layer's own perturbation (temperature × the noise's
    /// spread, measured on 4,096 draws), so the smoothing has the scale the estimator sees;
    /// the Sum-of-Gamma noise of k-subsets has no closed-form score, which is why the
    /// reference smooths with a normal of the same spread rather than with that noise.
    ///
    /// - Parameters:
    ///   - theta: the encoder's output for the `count` images, count × n.
    ///   - images: the binary images, count × pixels.
    ///   - samples: S ≥ 2 perturbations per image.
    ///   - seed: the seed of the Gaussian noise.
    /// - Returns: the estimate, count × n, scaled like the training loss's gradient (1/count).
    /// - Throws: ``ExampleError`` for fewer than 2 samples, mismatched sizes or a solver failure.
    public func referenceGradient(theta: [Float], images: [Float], count: Int, samples: Int,
                                  seed: UInt64) throws(ExampleError) -> [Float] {
        guard samples >= 2 else { throw ExampleError("the reference gradient needs at least 2 samples (got \(samples))") }
        let n = latent.variableCount
        guard count >= 1, theta.count == count * n, images.count % count == 0 else {
            throw ExampleError("the reference gradient needs \(max(count, 0) * n) parameters and whole images for \(count) rows")
        }
        let pixels = images.count / count
        let sigma = Self.spread(of: layer.noise) * layer.forwardTemperature
        guard sigma > 0 else { throw ExampleError("the reference gradient needs a perturbation with a spread > 0") }
        let rows = count * samples
        var normals = [Float](repeating: 0, count: rows * n)
        var perturbed = normals
        for row in 0..<count {
            var generator = SeededGenerator(seed: seed, stream: [0x5374_6569, UInt64(row)])
            for s in 0..<samples {
                let offset = (row * samples + s) * n
                for j in 0..<n {
                    let z = Float(generator.nextNormal())
                    normals[offset + j] = z
                    perturbed[offset + j] = theta[row * n + j] + sigma * z
                }
            }
        }
        let states: Matrix
        do { states = try layer.solver.solveBatch(Matrix(rows: rows, columns: n, values: perturbed)) } catch {
            throw ExampleError("the latent solver failed on the reference samples: \(error)")
        }
        let logits = decoder(try tensor(states.values, [rows, n])).scalars
        let losses = BernoulliLikelihood.rowLosses(logits: logits, labels: Self.repeatRows(images, columns: pixels, times: samples),
                                                   columns: pixels)
        return LeaveOneOutEstimate.gradient(losses: losses, scores: normals, rows: count, samples: samples,
                                            scale: 1 / (Double(sigma) * Double(count)))
    }

    /// The standard deviation of `noise`, from 4,096 draws of a fixed stream.
    static func spread(of noise: NoiseDistribution) -> Float {
        var generator = SeededGenerator(seed: 0x5350_5245_4144)
        let draws = noise.sample(count: 4096, using: &generator).map(Double.init)
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
        return Float(variance.squareRoot())
    }
}
