import DifferentiableSolvers
import Testing

@Suite("Seeded randomness and noise")
struct RandomTests {
    @Test("the same seed and stream give the same sequence; other streams differ")
    func determinism() {
        var a = SeededGenerator(seed: 7, stream: [1, 2])
        var b = SeededGenerator(seed: 7, stream: [1, 2])
        var c = SeededGenerator(seed: 7, stream: [2, 1])
        var d = SeededGenerator(seed: 8, stream: [1, 2])
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        #expect(first != (0..<8).map { _ in d.next() })
    }

    /// Kolmogorov–Smirnov against F(x) = exp(−exp(−x)) for each of the eight lanes of the
    /// block sampler separately (so a lane with the wrong bits would show), 20,000 draws each;
    /// 1.95/√n is the 0.1 % critical value.
    @Test("each lane of the eight-wide Gumbel sampler follows Gumbel(0, 1); short ranges take the first lanes")
    func gumbelBlocks() throws {
        let draws = 20_000
        var generator = SeededGenerator(seed: 3)
        var lanes = [[Double]](repeating: [], count: 8)
        for _ in 0..<draws {
            let block = generator.nextGumbelBlock()
            for lane in 0..<8 { lanes[lane].append(Double(block[lane])) }
        }
        for lane in lanes {
            let sorted = lane.sorted()
            var distance = 0.0
            for (index, x) in sorted.enumerated() {
                let cdf = exp(-exp(-x))
                distance = max(distance, abs(cdf - Double(index) / Double(draws)), abs(cdf - Double(index + 1) / Double(draws)))
            }
            #expect(distance < 1.95 / Double(draws).squareRoot())
        }
        // Lanes are independent: neighbouring lanes are uncorrelated (|r| < 4/√n).
        let mean = lanes.map { $0.reduce(0, +) / Double(draws) }
        for lane in 0..<7 {
            let covariance = zip(lanes[lane], lanes[lane + 1]).reduce(0) { $0 + ($1.0 - mean[lane]) * ($1.1 - mean[lane + 1]) }
            #expect(abs(covariance / Double(draws) / (Double.pi * Double.pi / 6)) < 4 / Double(draws).squareRoot())
        }
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        let short = NoiseDistribution.gumbel.sample(count: 3, using: &a)
        let block = b.nextGumbelBlock()
        #expect(short == [block[0], block[1], block[2]])
    }

    /// Moments of 200,000 draws; the tolerances are about six standard errors.
    @Test("Gumbel, normal and Sum-of-Gamma noise have their theoretical means and variances")
    func moments() {
        let count = 200_000
        func moments(_ noise: NoiseDistribution) -> (mean: Double, variance: Double) {
            var generator = SeededGenerator(seed: 11)
            let values = noise.sample(count: count, using: &generator).map(Double.init)
            let mean = values.reduce(0, +) / Double(count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
            return (mean, variance)
        }
        let euler = 0.5772156649
        let gumbel = moments(.gumbel)
        #expect(abs(gumbel.mean - euler) < 0.02)
        #expect(abs(gumbel.variance - Double.pi * Double.pi / 6) < 0.05)
        let normal = moments(.normal)
        #expect(abs(normal.mean) < 0.015)
        #expect(abs(normal.variance - 1) < 0.02)
        // E[ε] = (H_T − log T) / k with H_T the harmonic number: E[Gamma(1/k, k/t)] = 1/t.
        let k = 5.0, iterations = 10
        let harmonic = (1...iterations).reduce(0.0) { $0 + 1 / Double($1) }
        let sumOfGamma = moments(.sumOfGamma(k: k, iterations: iterations))
        #expect(abs(sumOfGamma.mean - (harmonic - log(Double(iterations))) / k) < 0.01)
        // Var = Σ_t (1/k)(k/t)² / k² = Σ_t 1/(k t²).
        let variance = (1...iterations).reduce(0.0) { $0 + 1 / (k * Double($1 * $1)) }
        #expect(abs(sumOfGamma.variance - variance) < 0.01)
    }

    @Test("no noise is exactly zero")
    func none() {
        var generator = SeededGenerator(seed: 1)
        #expect(NoiseDistribution.none.sample(count: 10, using: &generator) == Array(repeating: 0, count: 10))
    }
}

#if canImport(Glibc)
import Glibc
#endif

@testable import DifferentiableSolvers

@Suite("Fast logarithm")
struct FastLogarithmTests {
    @Test("agrees with the C library to a few ulps over (0, 1) and beyond")
    func accuracy() {
        var generator = SeededGenerator(seed: 5)
        var worst: Float = 0
        for _ in 0..<200_000 {
            let x = generator.nextUniformFloat() * (generator.next() % 2 == 0 ? 1 : 1000)
            let exact = Float(log(Double(x)))
            worst = max(worst, abs(fastLogarithm(x) - exact) / max(abs(exact), Float.leastNormalMagnitude))
        }
        for x: Float in [0x1.0p-24, 1 - 0x1.0p-24, 1, 2, 0.5, 1e-30, 1e30] {
            let exact = Float(log(Double(x)))
            #expect(abs(fastLogarithm(x) - exact) <= 4 * max(exact.ulp, Float.ulpOfOne * 1e-3), "x = \(x)")
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }
}
