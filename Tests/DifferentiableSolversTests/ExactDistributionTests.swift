import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import Testing

@Suite("Exact references")
struct ExactDistributionTests {
    @Test("k-subset enumeration has C(n, k) distinct states with k ones", arguments: [(5, 1), (6, 2), (7, 3), (4, 4)])
    func enumeration(n: Int, k: Int) throws {
        let distribution = try ExactDistribution.kSubset(n: n, k: k)
        var binomial = 1
        for i in 0..<k { binomial = binomial * (n - i) / (i + 1) }
        #expect(distribution.states.count == binomial)
        #expect(Set(distribution.states).count == binomial)
        #expect(distribution.states.allSatisfy { $0.reduce(0, +) == Float(k) })
    }

    @Test("the exact gradient matches central finite differences of the exact expectation")
    func gradientMatchesFiniteDifferences() throws {
        let distribution = try ExactDistribution.kSubset(n: 6, k: 2, temperature: 0.7)
        let theta = normalMatrix(rows: 1, columns: 6, seed: 4).values
        let b = normalMatrix(rows: 1, columns: 6, seed: 5).values
        let f = { (z: [Float]) in squaredDistance(z, b) }
        let gradient = distribution.gradient(of: f, at: theta)
        let h: Float = 1e-2
        for j in 0..<6 {
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            let numeric = (distribution.expectation(of: f, at: plus) - distribution.expectation(of: f, at: minus))
                / Double(plus[j] - minus[j])
            #expect(abs(numeric - gradient[j]) < 1e-3 * max(1, abs(gradient[j])))
        }
    }

    @Test("categorical marginals are the softmax")
    func softmax() throws {
        let theta: [Float] = [-0.6, 1.9, -0.2, 1.1, -1.0]
        let marginals = try ExactDistribution.categorical(n: 5).marginals(at: theta)
        let weights = theta.map { exp(Double($0)) }
        let total = weights.reduce(0, +)
        for j in 0..<5 { #expect(abs(marginals[j] - weights[j] / total) < 1e-12) }
    }

    @Test("perturb-and-MAP with Gumbel noise samples the categorical distribution")
    func gumbelArgmaxSamplesSoftmax() throws {
        let theta: [Float] = [-0.6, 1.9, -0.2, 1.1, -1.0]
        var layer = DifferentiableSolverLayer(solver: Argmax(), estimator: .straightThrough, noise: .gumbel,
                                              samples: 40_000, seed: 21)
        let (frequencies, _) = try layer.forward(Matrix(rows: 1, columns: 5, values: theta), output: .mean)
        let marginals = try ExactDistribution.categorical(n: 5).marginals(at: theta)
        // Standard error ≤ 0.0025 for 40,000 samples; allow four of them.
        for j in 0..<5 { #expect(abs(Double(frequencies.values[j]) - marginals[j]) < 0.01) }
    }

    @Test("bad structures and lengths are typed errors")
    func errors() {
        #expect(throws: SolverError.self) { try ExactDistribution.kSubset(n: 3, k: 4) }
        #expect(throws: SolverError.self) { try ExactDistribution.kSubset(n: 60, k: 30) }
        #expect(throws: SolverError.self) { try ExactDistribution(states: []) }
        #expect(throws: SolverError.self) { try ExactDistribution(states: [[1, 0], [1]]) }
        #expect(throws: SolverError.self) { try cosineSimilarity([1, 2], [1, 2, 3]) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
