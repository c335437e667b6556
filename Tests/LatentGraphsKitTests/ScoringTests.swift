import Testing
@testable import LatentGraphsKit
import _ExampleSupport

@Suite("Edge recovery, KL and edge indexing")
struct ScoringTests {
    @Test func edge_recovery_by_hand() {
        let score = EdgeRecovery(predicted: [1, 1, 0, 0, 1], truth: [1, 0, 1, 0, 1])
        #expect(score.precision == 2.0 / 3 && score.recall == 2.0 / 3)
        let partial = EdgeRecovery(predicted: [1, 0, 0, 0], truth: [1, 1, 0, 0])
        #expect(partial.precision == 1 && partial.recall == 0.5)
    }

    /// KL(Gumbel(θ,1) ‖ Gumbel(0,1)) = θ + e^(−θ) − 1: zero at θ = 0, and the gradient
    /// agrees with central finite differences.
    @Test func gumbel_divergence_and_its_gradient() {
        #expect(GumbelPriorDivergence.value(theta: [0, 0, 0], vertexCount: 3) == 0)
        let theta: [Float] = [0.7, -1.2, 2.0]
        let gradient = GumbelPriorDivergence.gradient(theta: theta[...], vertexCount: 4, scale: 1)
        for i in theta.indices {
            var up = theta, down = theta
            up[i] += 1e-2; down[i] -= 1e-2
            let numeric = (GumbelPriorDivergence.value(theta: up[...], vertexCount: 4)
                - GumbelPriorDivergence.value(theta: down[...], vertexCount: 4)) / 2e-2
            #expect(abs(numeric - gradient[i]) < 1e-3)
        }
    }

    /// The reference reports whichever of tree and complement has the higher precision.
    @Test func best_channel_picks_the_more_precise_reading() {
        let anti = LatentGraphEvaluation(elbo: 0, negativeLogLikelihood: 0, divergence: 0,
                                         sampled: EdgeRecovery(precision: 0.05, recall: 0.05),
                                         mode: EdgeRecovery(precision: 0.05, recall: 0.05),
                                         complement: EdgeRecovery(precision: 0.24, recall: 0.95))
        #expect(anti.bestChannel == EdgeRecovery(precision: 0.24, recall: 0.95))
        let right = LatentGraphEvaluation(elbo: 0, negativeLogLikelihood: 0, divergence: 0,
                                          sampled: EdgeRecovery(precision: 0.7, recall: 0.7),
                                          mode: EdgeRecovery(precision: 0.7, recall: 0.7),
                                          complement: EdgeRecovery(precision: 0.08, recall: 0.3))
        #expect(right.bestChannel == right.sampled)
    }

    @Test func edge_indices_follow_the_solver_order() throws {
        let graph = try CompleteGraph(vertexCount: 5)
        for (e, pair) in graph.undirected.enumerated() {
            #expect(graph.edgeIndex(pair.first, pair.second) == e && graph.edgeIndex(pair.second, pair.first) == e)
        }
        #expect(graph.directed.count == 20)
        #expect(graph.directed.allSatisfy { graph.undirected[$0.edge] == .init(first: min($0.receiver, $0.sender), second: max($0.receiver, $0.sender)) })
        #expect(throws: ExampleError.self) { try CompleteGraph(vertexCount: 1) }
    }
}
