import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import Testing

@Suite("Perturbed optimiser and Fenchel–Young loss")
struct PerturbedOptimizerTests {
    // Published in google-research/perturbations' README: perturbed argmax with Gumbel noise,
    // σ = 0.5, over this θ converges to softmax(θ/σ).
    let theta: [Float] = [-0.6, 1.9, -0.2, 1.1, -1.0]
    let published: [Double] = [0.0055, 0.8148, 0.0124, 0.1648, 0.0025]

    func layer(samples: Int, noise: NoiseDistribution = .gumbel, sigma: Float = 0.5,
               configuration: PerturbedOptimizerConfiguration = .init()) -> DifferentiableSolverLayer<Argmax> {
        DifferentiableSolverLayer(solver: Argmax(), estimator: .perturbedOptimizer(configuration), noise: noise,
                                  samples: samples, seed: 17, forwardTemperature: sigma)
    }

    @Test("the perturbed argmax converges to softmax(θ/σ), the published values")
    func forwardMean() throws {
        var layer = layer(samples: 100_000)
        let (mean, _) = try layer.forward(Matrix(rows: 1, columns: 5, values: theta), output: .mean)
        // Standard error ≤ 0.0016 at 10⁵ samples; the published values are rounded to 10⁻⁴.
        for j in 0..<5 { #expect(abs(Double(mean.values[j]) - published[j]) < 0.006, "entry \(j)") }
    }

    @Test("the Jacobian estimate matches the softmax Jacobian / σ within Monte-Carlo error",
          arguments: [false, true])
    func jacobian(baseline: Bool) throws {
        let sigma = 0.5
        let p = theta.map { exp(Double($0) / sigma) }
        let softmax = p.map { $0 / p.reduce(0, +) }
        var layer = layer(samples: 200_000, configuration: .init(leaveOneOutBaseline: baseline))
        for k in 0..<5 {
            let (_, tape) = try layer.forward(Matrix(rows: 1, columns: 5, values: theta), output: .mean)
            var upstream = Matrix(rows: 1, columns: 5)
            upstream[0, k] = 1
            let row = try layer.backward(upstream, tape).values
            for j in 0..<5 {
                // Row k of (diag(p) − p pᵀ) / σ (symmetric).
                let exact = ((j == k ? softmax[j] : 0) - softmax[j] * softmax[k]) / sigma
                #expect(abs(Double(row[j]) - exact) < 0.03, "J[\(k), \(j)]: \(row[j]) vs \(exact)")
            }
        }
    }

    @Test("normal noise and the multiplicative form estimate the gradient of a smooth expectation")
    func normalAndMultiplicative() throws {
        // E[⟨z, a⟩] for z = MAP(θ + σZ); its gradient by finite differences of the forward mean
        // (common random numbers: the same seed and step give the same noise).
        let a: [Float] = [1, -2, 0.5, 3, -1]
        for multiplicative in [false, true] {
            let positive = theta.map { multiplicative ? exp($0) : $0 }
            var estimate = layer(samples: 100_000, noise: .normal, sigma: 0.7,
                                 configuration: .init(multiplicative: multiplicative))
            let (_, tape) = try estimate.forward(Matrix(rows: 1, columns: 5, values: positive), output: .mean)
            let gradient = try estimate.backward(Matrix(rows: 1, columns: 5, values: a), tape).values
            var numeric = [Double](repeating: 0, count: 5)
            for j in 0..<5 {
                var plus = positive, minus = positive
                let h = 0.05 * (multiplicative ? positive[j] : 1)
                plus[j] += h
                minus[j] -= h
                func value(_ x: [Float]) throws -> Double {
                    var fresh = layer(samples: 100_000, noise: .normal, sigma: 0.7,
                                      configuration: .init(multiplicative: multiplicative))
                    let (mean, _) = try fresh.forward(Matrix(rows: 1, columns: 5, values: x), output: .mean)
                    return zip(mean.values, a).reduce(0) { $0 + Double($1.0 * $1.1) }
                }
                numeric[j] = (try value(plus) - value(minus)) / Double(2 * h)
            }
            #expect(try cosineSimilarity(gradient, numeric) > 0.97, "multiplicative: \(multiplicative)")
        }
    }

    @Test("Fenchel–Young: the gradient is the perturbed mean minus the target, and the loss is ≥ 0")
    func fenchelYoung() throws {
        var layer = layer(samples: 500)
        let batch = Matrix(stacking: [theta, theta.map { -$0 }, [3, 0, 0, 0, 0]])
        let targets = Matrix(stacking: [[0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2]])
        let result = try layer.fenchelYoungLoss(batch, targets: targets)
        #expect(result.values.allSatisfy { $0 >= 0 })
        for b in 0..<3 {
            for j in 0..<5 {
                #expect(abs(result.gradient[b, j] - (result.perturbedMean[b, j] - targets[b, j])) < 1e-6)
            }
        }
        // At a target that is the perturbed mean's limit (θ large along it) the loss vanishes.
        let confident = Matrix(rows: 1, columns: 5, values: [0, 100, 0, 0, 0])
        let limit = try layer.fenchelYoungLoss(confident, targets: Matrix(rows: 1, columns: 5, values: [0, 1, 0, 0, 0]))
        #expect(limit.values[0] == 0)
        #expect(limit.gradient.values.allSatisfy { abs($0) < 1e-5 })
        // For a minimiser the gradient flips sign.
        var minimiser = DifferentiableSolverLayer(solver: Argmax(sense: .minimize), estimator: .perturbedOptimizer(.init()),
                                                  noise: .gumbel, samples: 500, seed: 17, forwardTemperature: 0.5)
        let negated = Matrix(rows: 3, columns: 5, values: batch.values.map { -$0 })
        let flipped = try minimiser.fenchelYoungLoss(negated, targets: targets)
        #expect(flipped.values == result.values)
        #expect(flipped.gradient.values == result.gradient.values.map { -$0 })
    }

    @Test("bad settings are typed errors naming the parameter")
    func errors() throws {
        var sumOfGamma = layer(samples: 4, noise: .sumOfGamma(k: 2))
        let (z, tape) = try sumOfGamma.forward(Matrix(rows: 1, columns: 5, values: theta), output: .mean)
        #expect(throws: LayerError.self) { try sumOfGamma.backward(z, tape) }
        var negative = layer(samples: 4, noise: .normal, configuration: .init(multiplicative: true))
        #expect(throws: LayerError.self) { try negative.forward(Matrix(rows: 1, columns: 5, values: theta)) }
        var single = layer(samples: 1)
        let (z1, tape1) = try single.forward(Matrix(rows: 1, columns: 5, values: theta))
        #expect(throws: LayerError.self) { try single.backward(z1, tape1) }
        var fy = layer(samples: 2)
        #expect(throws: LayerError.self) {
            try fy.fenchelYoungLoss(Matrix(rows: 1, columns: 5, values: theta), targets: Matrix(rows: 1, columns: 4))
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
