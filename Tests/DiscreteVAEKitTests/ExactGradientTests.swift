import DifferentiableSolvers
import Foundation
@testable import DiscreteVAEKit
import TensorLayers
import Testing

@Suite("Exact ELBO gradient of a categorical VAE against finite differences")
struct ExactGradientTests {
    static let pixels = 5, classes = 3, count = 2

    static func model(seed: UInt64) throws -> DiscreteVAE<ShallowPerceptron, ShallowPerceptron> {
        var rng = SeededGenerator(seed: seed)
        return try DiscreteVAE(encoder: ShallowPerceptron(sizes: (pixels, 4, classes), using: &rng),
                               decoder: ShallowPerceptron(sizes: (classes, 4, pixels), using: &rng),
                               latent: LatentStructure(blocks: 1, blockSize: classes), estimator: .exact, seed: seed)
    }

    static func data(seed: UInt64) -> (theta: [Float], images: [Float]) {
        var rng = SeededGenerator(seed: seed, stream: [9])
        let theta = (0 ..< count * classes).map { _ in Float(rng.nextNormal()) }
        let images = (0 ..< count * pixels).map { _ in Float(rng.nextUniform() < 0.5 ? 1 : 0) }
        return (theta, images)
    }

    @Test("∂/∂θ of E_q[−log p(x | z)] by enumeration", arguments: [UInt64(1), 2, 3])
    func encoderSide(seed: UInt64) throws {
        let vae = try Self.model(seed: seed)
        let (theta, images) = Self.data(seed: seed)
        let gradient = try vae.exactGradient(theta: theta, images: images, count: Self.count).dTheta
        for j in theta.indices {
            let h: Float = 1e-2
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            let difference = (try vae.exactGradient(theta: up, images: images, count: Self.count).loss
                - vae.exactGradient(theta: down, images: images, count: Self.count).loss) / (2 * h)
            #expect(Swift.abs(difference - gradient[j]) < 2e-3 + 1e-2 * Swift.abs(difference), "θ[\(j)]")
        }
    }

    @Test("∂/∂decoder of E_q[−log p(x | z)] by enumeration", arguments: [UInt64(4), 5])
    func decoderSide(seed: UInt64) throws {
        var vae = try Self.model(seed: seed)
        let (theta, images) = Self.data(seed: seed)
        let gradient = try vae.exactGradient(theta: theta, images: images, count: Self.count).dDecoder
        let analytic = gradient.output.weight.scalars
        let original = vae.decoder.output.weight.scalars
        for j in original.indices {
            let h: Float = 1e-2
            var values = original
            values[j] = original[j] + h
            vae.decoder.output.weight = try Tensor(shape: [Self.pixels, 4], scalars: values)
            let up = try vae.exactGradient(theta: theta, images: images, count: Self.count).loss
            values[j] = original[j] - h
            vae.decoder.output.weight = try Tensor(shape: [Self.pixels, 4], scalars: values)
            let down = try vae.exactGradient(theta: theta, images: images, count: Self.count).loss
            let difference = (up - down) / (2 * h)
            #expect(Swift.abs(difference - analytic[j]) < 2e-3 + 1e-2 * Swift.abs(difference), "weight[\(j)]")
        }
    }

    @Test("a linear decoder (the reference code's network): ∂/∂weight and ∂/∂bias by enumeration", arguments: [UInt64(7), 8])
    func linearDecoder(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var vae = try DiscreteVAE(encoder: Dense(inputSize: Self.pixels, outputSize: Self.classes, using: &rng),
                                  decoder: Dense(inputSize: Self.classes, outputSize: Self.pixels, using: &rng),
                                  latent: LatentStructure(blocks: 1, blockSize: Self.classes), estimator: .exact, seed: seed)
        #expect(vae.encoder.inputSize == Self.pixels && vae.encoder.outputSize == Self.classes)
        #expect(vae.decoder.inputSize == Self.classes && vae.decoder.outputSize == Self.pixels)
        let (theta, images) = Self.data(seed: seed)
        let gradient = try vae.exactGradient(theta: theta, images: images, count: Self.count).dDecoder
        for (path, analytic, shape) in [(\Dense.weight, gradient.weight.scalars, [Self.pixels, Self.classes]),
                                        (\Dense.bias, gradient.bias.scalars, [Self.pixels])] {
            let original = vae.decoder[keyPath: path].scalars
            for j in original.indices {
                var values = original
                values[j] = original[j] + 1e-2
                vae.decoder[keyPath: path] = try Tensor(shape: shape, scalars: values)
                let up = try vae.exactGradient(theta: theta, images: images, count: Self.count).loss
                values[j] = original[j] - 1e-2
                vae.decoder[keyPath: path] = try Tensor(shape: shape, scalars: values)
                let down = try vae.exactGradient(theta: theta, images: images, count: Self.count).loss
                vae.decoder[keyPath: path] = try Tensor(shape: shape, scalars: original)
                let difference = (up - down) / 2e-2
                #expect(Swift.abs(difference - analytic[j]) < 2e-3 + 1e-2 * Swift.abs(difference), "\(path)[\(j)]")
            }
        }
    }

    @Test("The exact loss is the softmax-weighted mean of the per-state losses")
    func enumeratedValue() throws {
        let vae = try Self.model(seed: 6)
        let (theta, images) = Self.data(seed: 6)
        var expected = 0.0
        for b in 0..<Self.count {
            let row = theta[b * Self.classes ..< (b + 1) * Self.classes]
            let top = row.max()!
            let weights = row.map { Foundation.exp(Double($0 - top)) }
            for k in 0..<Self.classes {
                var z = [Float](repeating: 0, count: Self.classes)
                z[k] = 1
                let logits = vae.decoder(try Tensor(shape: [1, Self.classes], scalars: z)).scalars
                let image = Array(images[b * Self.pixels ..< (b + 1) * Self.pixels])
                // −log p(x | z) written with σ directly, independently of the stable form.
                let f = zip(logits, image).reduce(0.0) { total, pair in
                    let p = 1 / (1 + Foundation.exp(-Double(pair.0)))
                    return total - (pair.1 == 1 ? Foundation.log(p) : Foundation.log(1 - p))
                }
                expected += weights[k] / weights.reduce(0, +) * f
            }
        }
        let loss = try vae.exactGradient(theta: theta, images: images, count: Self.count).loss
        #expect(Swift.abs(Double(loss) - expected / Double(Self.count)) < 1e-4 * expected)
    }

    @Test("KL(softmax(θ) ‖ uniform): hand-computed value and finite-difference gradient")
    func priorKL() {
        // θ = (0, log 3) in one block of 2: q = (1/4, 3/4), KL = Σ q log(2q).
        let (value, _) = UniformPriorKL.valueAndGradient(theta: [0, Float(Foundation.log(3.0))], blockSize: 2)
        let expected = 0.25 * Foundation.log(0.5) + 0.75 * Foundation.log(1.5)
        #expect(Swift.abs(Double(value) - expected) < 1e-6)
        let theta: [Float] = [0.3, -1.2, 0.8, 2.0, 0.1, -0.4]
        let gradient = UniformPriorKL.valueAndGradient(theta: theta[...], blockSize: 3).gradient
        for j in theta.indices {
            var up = theta, down = theta
            up[j] += 1e-2
            down[j] -= 1e-2
            let difference = (UniformPriorKL.valueAndGradient(theta: up[...], blockSize: 3).value
                - UniformPriorKL.valueAndGradient(theta: down[...], blockSize: 3).value) / 2e-2
            #expect(Swift.abs(difference - gradient[j]) < 1e-3)
        }
    }
}
