import DifferentiableSolvers
import EstimatorStudies
import Foundation
@testable import DiscreteVAEKit
import TensorLayers
import Testing
import _ExampleSupport

@Suite("The Gaussian-smoothing reference gradient of the VAE's training trace")
struct VAEReferenceGradientTests {
    /// For one categorical latent of 3 classes, argmax(θ + σZ) picks class j with probability
    /// ∫ φ(u) Π_{k≠j} Φ((θ_j − θ_k)/σ + u) du; the expected reconstruction loss and its
    /// central differences by quadrature are the truth the many-sample estimate must match.
    @Test func reference_gradient_matches_the_gaussian_smoothed_gradient() throws {
        let vae = try ExactGradientTests.model(seed: 4)
        let (theta, images) = ExactGradientTests.data(seed: 4)
        let classes = ExactGradientTests.classes, count = ExactGradientTests.count, pixels = ExactGradientTests.pixels
        let estimate = try vae.referenceGradient(theta: theta, images: images, count: count, samples: 40_000, seed: 3)
        let sigma = Double(DiscreteVAE<ShallowPerceptron, ShallowPerceptron>.spread(of: vae.layer.noise))
        #expect(abs(sigma - Double.pi / 6.0.squareRoot()) < 0.05, "a standard Gumbel spreads π/√6, got \(sigma)")
        var exact = [Double]()
        for row in 0..<count {
            let oneHots = (0..<classes).flatMap { c in (0..<classes).map { $0 == c ? Float(1) : 0 } }
            let logits = vae.decoder(try Tensor(shape: [classes, classes], scalars: oneHots)).scalars
            let image = Array(images[row * pixels ..< (row + 1) * pixels])
            let losses = BernoulliLikelihood.rowLosses(logits: logits, labels: Array((0..<classes).map { _ in image }.joined()),
                                                       columns: pixels).map(Double.init)
            let scores = (0..<classes).map { Double(theta[row * classes + $0]) }
            for j in 0..<classes {
                var up = scores, down = scores
                up[j] += 1e-3
                down[j] -= 1e-3
                let slope = (Self.expectedLoss(up, losses, sigma: sigma) - Self.expectedLoss(down, losses, sigma: sigma)) / 2e-3
                exact.append(slope / Double(count))
            }
        }
        let cosine = try cosineSimilarity(estimate, exact)
        #expect(cosine > 0.99, "cosine \(cosine) between \(estimate) and \(exact)")
        let ratio = sqrt(estimate.reduce(0) { $0 + Double($1 * $1) }) / sqrt(exact.reduce(0) { $0 + $1 * $1 })
        #expect(abs(ratio - 1) < 0.1, "norm ratio \(ratio)")
    }

    @Test func reference_gradient_rejects_a_single_sample() throws {
        let vae = try ExactGradientTests.model(seed: 1)
        let (theta, images) = ExactGradientTests.data(seed: 1)
        #expect(throws: ExampleError.self) {
            try vae.referenceGradient(theta: theta, images: images, count: ExactGradientTests.count, samples: 1, seed: 1)
        }
    }

    /// Σ_j P(j is the argmax of θ + σZ) · loss_j by the trapezoid rule in u over [−9, 9].
    static func expectedLoss(_ theta: [Double], _ losses: [Double], sigma: Double) -> Double {
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        var total = 0.0
        let step = 1e-3
        for j in theta.indices {
            var probability = 0.0
            for i in 0...18_000 {
                let u = -9 + Double(i) * step
                var value = exp(-u * u / 2) / (2 * Double.pi).squareRoot()
                for k in theta.indices where k != j { value *= cdf((theta[j] - theta[k]) / sigma + u) }
                probability += (i == 0 || i == 18_000 ? 0.5 : 1) * value * step
            }
            total += probability * losses[j]
        }
        return total
    }
}
