import Foundation
@testable import SemiSupervisedVAEKit
import Testing

@Suite("Gaussian latent: analytic KL and reparameterisation against finite differences")
struct GaussianLatentTests {
    let mean: [Float] = [0.3, -1.2, 0.8, 0.05]
    let logVariance: [Float] = [-0.4, 0.7, 0.0, -1.5]
    let noise: [Float] = [0.9, -0.3, 1.4, -2.0]

    @Test("KL to N(0, I) has the closed form's known values")
    func knownValues() {
        #expect(GaussianLatent.klToStandardNormal(mean: [0, 0], logVariance: [0, 0]).value == 0)
        // ½ (μ² + σ² − log σ² − 1) with μ = 1, σ² = e: ½ (1 + e − 1 − 1).
        let value = GaussianLatent.klToStandardNormal(mean: [1], logVariance: [1]).value
        #expect(Swift.abs(value - 0.5 * (exp(1.0) - 1)) < 1e-6)
    }

    @Test("the KL's gradient matches central differences")
    func klGradient() {
        let (_, dMean, dLogVariance) = GaussianLatent.klToStandardNormal(mean: mean, logVariance: logVariance)
        for j in mean.indices {
            let alongMean = centralDifference({ GaussianLatent.klToStandardNormal(mean: $0, logVariance: logVariance).value }, at: mean, coordinate: j)
            #expect(Swift.abs(alongMean - Double(dMean[j])) < 1e-3)
            let alongVariance = centralDifference({ GaussianLatent.klToStandardNormal(mean: mean, logVariance: $0).value }, at: logVariance,
                                                  coordinate: j)
            #expect(Swift.abs(alongVariance - Double(dLogVariance[j])) < 1e-3)
        }
    }

    @Test("the reparameterised sample's pullback matches central differences of a downstream loss")
    func reparameterisationGradient() {
        // L(z) = Σ_j c_j z_j², so ∂L/∂z_j = 2 c_j z_j.
        let weights: [Double] = [1, -2, 0.5, 3]
        func loss(_ mu: [Float], _ logVar: [Float]) -> Double {
            zip(weights, GaussianLatent.sample(mean: mu, logVariance: logVar, noise: noise)).reduce(0) { $0 + $1.0 * Double($1.1 * $1.1) }
        }
        let z = GaussianLatent.sample(mean: mean, logVariance: logVariance, noise: noise)
        let dz = z.indices.map { Float(2 * weights[$0]) * z[$0] }
        let (dMean, dLogVariance) = GaussianLatent.samplePullback(dz, logVariance: logVariance, noise: noise)
        for j in mean.indices {
            #expect(Swift.abs(centralDifference({ loss($0, logVariance) }, at: mean, coordinate: j) - Double(dMean[j])) < 2e-2)
            #expect(Swift.abs(centralDifference({ loss(mean, $0) }, at: logVariance, coordinate: j) - Double(dLogVariance[j])) < 2e-2)
        }
    }

    @Test("the mixed latent's mixture pullback matches central differences")
    func mixturePullback() {
        let latent = MixedLatent(classes: 2, dimension: 2)
        let weights: [Float] = [0.3, 0.7]
        let values: [Float] = [1, -2, 0.5, 4]
        let upstream: [Float] = [1.5, -0.5]
        func loss(_ w: [Float], _ v: [Float]) -> Double {
            zip(latent.mix(weights: w, perClass: v), upstream).reduce(0) { $0 + Double($1.0 * $1.1) }
        }
        let (dWeights, dValues) = latent.mixPullback(upstream, weights: weights, perClass: values)
        for k in weights.indices {
            #expect(Swift.abs(centralDifference({ loss($0, values) }, at: weights, coordinate: k, step: 1e-2) - Double(dWeights[k])) < 1e-3)
        }
        for j in values.indices {
            #expect(Swift.abs(centralDifference({ loss(weights, $0) }, at: values, coordinate: j, step: 1e-2) - Double(dValues[j])) < 1e-3)
        }
        // One-hot weights: the decoder input is zero but for the chosen class's row.
        #expect(latent.decoderInput(weights: [0, 1], samples: values) == [0, 0, 0.5, 4])
    }
}
