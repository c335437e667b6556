@testable import DifferentiableSolvers
import Testing
import _TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The vectorised Gamma and Sum-of-Gamma samplers against independent references: the
/// Gamma CDF computed by series and continued fraction, and Sum-of-Gamma values built from
/// Gamma deviates drawn by numerical inversion of that CDF. Critical values are the 0.1 %
/// ones of the Kolmogorov–Smirnov statistic, 1.95 / √n (two samples: 1.95 · √((n + m)/(n m))).
@Suite("Gamma and Sum-of-Gamma sampling")
struct GammaSamplerTests {
    /// Shapes that take every path: Jöhnk's method with U^{1/a} by multiplications (1/5,
    /// 1/26) or by exp and log (1/4.5, and 0.8, where Y = V^{1/(1 − a)} = V⁵ is the small
    /// one), and Marsaglia and Tsang's (1, 2.5).
    @Test("Gamma(a, 1) deviates follow the Gamma CDF", arguments: [1 / 5.0, 1 / 26.0, 1 / 4.5, 0.8, 1.0, 2.5])
    func gammaDistribution(shape: Double) {
        let count = 20_000
        var generator = SeededGenerator(seed: 17)
        let sample = GammaSamplers.withSampler(shape: shape, seededFrom: &generator, Collect(count: count))
        #expect(sample.allSatisfy { $0 >= 0 && $0.isFinite })
        // Deviates below the smallest normal Float come out as 0 (by design, see JohnkGammaSampler):
        // compare max(G, that value), whose CDF is P(a, max(x, that value)).
        let smallest = Double(Float.leastNormalMagnitude)
        let distance = kolmogorovSmirnovDistance(sample) { regularizedLowerGamma(shape, max($0, smallest)) }
        #expect(distance < 1.95 / Double(count).squareRoot(), "shape \(shape): KS distance \(distance)")
    }

    /// Ahrens and Dieter's tail branch (X > 1, where their envelope is e^{−x}) makes only a
    /// few percent of the deviates, too few for the test above to see an error in it: its
    /// deviates alone must follow the Gamma law conditioned on X > 1.
    @Test("Ahrens–Dieter tail deviates follow the Gamma CDF above 1", arguments: [1 / 5.0, 1 / 26.0, 0.8])
    func tailDistribution(shape: Double) {
        var generator = SeededGenerator(seed: 19)
        let tail = GammaSamplers.withSampler(shape: shape, seededFrom: &generator, Collect(count: 3_000, above: 1))
        let below = regularizedLowerGamma(shape, 1)
        let distance = kolmogorovSmirnovDistance(tail) { (regularizedLowerGamma(shape, $0) - below) / (1 - below) }
        #expect(distance < 1.95 / Double(tail.count).squareRoot(), "shape \(shape): KS distance \(distance)")
    }

    /// The acceptance rate of Ahrens and Dieter's method is Γ(a) / (1/a + 1/e); 80,000
    /// candidates, tolerance five standard errors.
    @Test("Ahrens–Dieter acceptance rate is Γ(a) / (1/a + 1/e)", arguments: [1 / 5.0, 1 / 26.0, 1 / 4.5, 0.8])
    func acceptanceRate(shape: Double) {
        var generator = SeededGenerator(seed: 37)
        var sampler = AhrensDieterSampler(shape: shape, seededFrom: &generator)
        let blocks = 10_000
        var accepted = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: GammaRound.words(blocks: blocks)) { memory in
            let round = GammaRound(blocks: blocks, in: UnsafeMutableRawPointer(memory.baseAddress!))
            sampler.fill(blocks: blocks, into: round)
            for i in 0 ..< 8 * blocks { accepted += Int(round.accepted[i]) }
        }
        let expected = tgamma(shape) / (1 / shape + exp(-1))
        let rate = Double(accepted) / Double(8 * blocks)
        #expect(abs(rate - expected) < 5 * (expected * (1 - expected) / Double(8 * blocks)).squareRoot(),
                "shape \(shape): rate \(rate), expected \(expected)")
    }

    @Test("the reference CDF agrees with closed forms")
    func referenceCDF() {
        for x in [0.01, 0.5, 1, 3, 10] {
            // Gamma(1) is Exp(1); Gamma(1/2) is χ²₁ / 2, whose CDF is erf(√x).
            #expect(abs(regularizedLowerGamma(1, x) - (1 - exp(-x))) < 1e-12)
            #expect(abs(regularizedLowerGamma(0.5, x) - erf(x.squareRoot())) < 1e-12)
        }
    }

    /// 20,000 noise values against 2,000 reference values (ten inverted Gamma deviates each).
    @Test("Sum-of-Gamma noise matches a reference sample built by inversion", arguments: [(5.0, 10), (26.0, 10), (2.5, 3), (1.25, 10), (0.8, 4)])
    func sumOfGamma(k: Double, iterations: Int) {
        var generator = SeededGenerator(seed: 23)
        let noise = NoiseDistribution.sumOfGamma(k: k, iterations: iterations).sample(count: 20_000, using: &generator)
        var reference = SeededGenerator(seed: 29)
        let expected = (0..<2_000).map { _ in
            (1...iterations).reduce(0.0) { sum, t in
                sum + gammaByInversion(shape: 1 / k, uniform: reference.nextUniform()) / Double(t)
            } - log(Double(iterations)) / k
        }
        let distance = kolmogorovSmirnovDistance(noise.map(Double.init), expected)
        #expect(distance < 1.95 * (22_000.0 / (20_000.0 * 2_000.0)).squareRoot(), "k = \(k): KS distance \(distance)")
    }

    @Test("noise depends only on the generator state and the range length; shorter ranges are prefixes")
    func determinism() {
        let noise = NoiseDistribution.sumOfGamma(k: 5, iterations: 10)
        var a = SeededGenerator(seed: 31, stream: [4, 2]), b = a, c = a
        let long = noise.sample(count: 100, using: &a)
        #expect(noise.sample(count: 100, using: &b) == long)
        #expect(noise.sample(count: 7, using: &c) == Array(long.prefix(7)))
        var values = [Float](repeating: -1, count: 20)
        var d = SeededGenerator(seed: 31, stream: [4, 2])
        noise.fill(&values, range: 5..<12, using: &d)
        #expect(Array(values[5..<12]) == Array(long.prefix(7)))
        #expect(values[0..<5].allSatisfy { $0 == -1 } && values[12...].allSatisfy { $0 == -1 })
        #expect(a == b && a == c, "the generator advances by a fixed amount whatever the range length")
    }

    @Test("an invalid configuration fills NaN instead of trapping")
    func invalidConfiguration() {
        var generator = SeededGenerator(seed: 1)
        let noIterations = NoiseDistribution.sumOfGamma(k: 5, iterations: 0).sample(count: 3, using: &generator)
        let negativeK = NoiseDistribution.sumOfGamma(k: -1).sample(count: 3, using: &generator)
        #expect(noIterations.allSatisfy { $0.isNaN } && negativeK.allSatisfy { $0.isNaN })
    }
}

/// Collects the first `count` accepted deviates of a sampler (those above `above`, if given).
private struct Collect: GammaSamplerBody {
    let count: Int
    var above = -Double.infinity

    func run<Sampler: GammaCandidateSource>(_ sampler: inout Sampler) -> [Double] {
        var sample: [Double] = []
        sample.reserveCapacity(count)
        sampler.generate { deviate in
            if Double(deviate) > above { sample.append(Double(deviate)) }
            return sample.count < count
        }
        return sample
    }
}
