import DifferentiableSolvers
import EstimatorStudies
import Foundation
import Testing
@testable import LatentGraphsKit
import _ExampleSupport

@Suite("The reference gradient of the training trace")
struct ReferenceGradientTests {
    /// On a triangle the maximum spanning tree of θ + ε drops the edge of smallest θ_j + ε_j,
    /// so E[NLL] = Σ_j P(j is smallest) · NLL(tree without j) with the probabilities computed
    /// by quadrature; its gradient by central differences of that exact expectation is the
    /// truth the many-sample estimate must match in direction and size.
    @Test func reference_gradient_matches_the_exact_gradient_on_a_triangle() throws {
        let data = try GraphLayoutDataset.generate(count: 2, vertexCount: 3, timesteps: 2, seed: 3, split: 0)
        let graph = try CompleteGraph(vertexCount: 3)
        var trainer = try LatentGraphTrainer(graph: graph, timesteps: 2, estimator: .straightThrough,
                                             configuration: LatentGraphConfiguration(encoderHiddenSize: 8, decoderHiddenSize: 8,
                                                                                     variance: 5e-3, learningRate: 3e-3, seed: 2))
        // A decoder that has learnt to use the edges, so that the three trees' losses differ.
        for _ in 0..<40 { _ = try trainer.decoderStep(data, indices: [0, 1], trees: data.trees) }
        let theta: [Float] = [0.3, -0.4, 0.9, 1.2, 0.1, -0.2]
        let estimate = try trainer.referenceGradient(data, indices: [0, 1], theta: theta, samples: 20_000, seed: 11)
        var exact = [Double]()
        for example in 0..<2 {
            let losses = try (0..<3).map { dropped in
                try Double(trainer.decoderNegativeLogLikelihoods(data, indices: [example], trees: (0..<3).map { $0 == dropped ? 0 : 1 })[0])
            }
            #expect(Set(losses.map { ($0 * 1e3).rounded() }).count == 3, "the three trees should have different losses")
            let row = (0..<3).map { Double(theta[example * 3 + $0]) }
            for edge in 0..<3 {
                var up = row, down = row
                up[edge] += 1e-3
                down[edge] -= 1e-3
                let slope = (Self.expectedLoss(up, losses) - Self.expectedLoss(down, losses)) / 2e-3
                exact.append(slope / 2)   // the estimate is scaled like the batch's mean loss
            }
        }
        let cosine = try cosineSimilarity(estimate, exact)
        #expect(cosine > 0.99, "cosine \(cosine) between \(estimate) and \(exact)")
        let ratio = sqrt(estimate.reduce(0) { $0 + Double($1 * $1) }) / sqrt(exact.reduce(0) { $0 + $1 * $1 })
        #expect(abs(ratio - 1) < 0.1, "norm ratio \(ratio)")
    }

    @Test func reference_gradient_rejects_a_single_sample() throws {
        let data = try GraphLayoutDataset.generate(count: 1, vertexCount: 3, timesteps: 2, seed: 3, split: 0)
        let trainer = try LatentGraphTrainer(graph: try CompleteGraph(vertexCount: 3), timesteps: 2, estimator: .straightThrough,
                                             configuration: LatentGraphConfiguration())
        #expect(throws: ExampleError.self) {
            try trainer.referenceGradient(data, indices: [0], theta: [0, 0, 0], samples: 1, seed: 1)
        }
    }

    /// Σ_j P(θ_j + ε_j is the smallest) · loss_j for standard Gumbel ε, by the trapezoid rule
    /// over x of g(x − θ_j) Π_{k≠j} (1 − G(x − θ_k)).
    static func expectedLoss(_ theta: [Double], _ losses: [Double]) -> Double {
        func cdf(_ x: Double) -> Double { exp(-exp(-x)) }
        func density(_ x: Double) -> Double { exp(-x - exp(-x)) }
        var total = 0.0
        let step = 1e-3
        for j in theta.indices {
            var probability = 0.0
            for i in 0...40_000 {
                let x = -10 + Double(i) * step
                var value = density(x - theta[j])
                for k in theta.indices where k != j { value *= 1 - cdf(x - theta[k]) }
                probability += (i == 0 || i == 40_000 ? 0.5 : 1) * value * step
            }
            total += probability * losses[j]
        }
        return total
    }
}
