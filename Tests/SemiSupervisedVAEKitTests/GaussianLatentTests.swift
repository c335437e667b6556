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
        let h: Float = 1e-3
        for j in mean.indices {
            var up = mean, down = mean
            up[j] += h
            down[j] -= h
            let numeric = (GaussianLatent.klToStandardNormal(mean: up, logVariance: logVariance).value
                - GaussianLatent.klToStandardNormal(mean: down, logVariance: logVariance).value) / Double(2 * h)
            #expect(Swift.abs(numeric - Double(dMean[j])) < 1e-3)
            var upV = logVariance, downV = logVariance
            upV[j] += h
            downV[j] -= h
            let numericV = (GaussianLatent.klToStandardNormal(mean: mean, logVariance: upV).value
                - GaussianLatent.klToStandardNormal(mean: mean, logVariance: downV).value) / Double(2 * h)
            #expect(Swift.abs(numericV - Double(dLogVariance[j])) < 1e-3)
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
        let h: Float = 1e-3
        for j in mean.indices {
            var up = mean, down = mean
            up[j] += h
            down[j] -= h
            #expect(Swift.abs((loss(up, logVariance) - loss(down, logVariance)) / Double(2 * h) - Double(dMean[j])) < 2e-2)
            var upV = logVariance, downV = logVariance
            upV[j] += h
            downV[j] -= h
            #expect(Swift.abs((loss(mean, upV) - loss(mean, downV)) / Double(2 * h) - Double(dLogVariance[j])) < 2e-2)
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
        let h: Float = 1e-2
        for k in weights.indices {
            var up = weights, down = weights
            up[k] += h
            down[k] -= h
            #expect(Swift.abs((loss(up, values) - loss(down, values)) / Double(2 * h) - Double(dWeights[k])) < 1e-3)
        }
        for j in values.indices {
            var up = values, down = values
            up[j] += h
            down[j] -= h
            #expect(Swift.abs((loss(weights, up) - loss(weights, down)) / Double(2 * h) - Double(dValues[j])) < 1e-3)
        }
        // One-hot weights: the decoder input is zero but for the chosen class's row.
        #expect(latent.decoderInput(weights: [0, 1], samples: values) == [0, 0, 0.5, 4])
    }
}
