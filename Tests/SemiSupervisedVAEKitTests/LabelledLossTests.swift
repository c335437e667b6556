import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
@testable import SemiSupervisedVAEKit
import Testing

@Suite("Labelled loss: the Gumbel-softmax cross-entropy by hand, direct optimisation's perturbed label set to the true one")
struct LabelledLossTests {
    @Test("Gumbel-softmax cross-entropy on a hand-made batch")
    func gumbelSoftmaxByHand() {
        // Row 1: θ + γ = (1, 0, 0), label 0: −log(e / (e + 2)). Row 2: θ + γ = (0, 0, log 3), label 2: −log(3 / 5).
        let theta: [Float] = [0.5, 0.25, -0.5, 1, 0, Float(log(3.0)) - 1]
        let noise: [Float] = [0.5, -0.25, 0.5, -1, 0, 1]
        let (value, gradient) = LabelledLoss.gumbelSoftmaxCrossEntropy(theta: theta, noise: noise, labels: [0, 2], temperature: 1)
        let expected = 10 * (log(exp(1.0) + 2) - 1 - log(0.6))
        #expect(Swift.abs(value - expected) < 1e-4)
        // ∂/∂θ = 10 (softmax − e_y): row 2's softmax is (0.2, 0.2, 0.6).
        let row2: [Float] = [2, 2, -4]
        for k in 0..<3 { #expect(Swift.abs(gradient[3 + k] - row2[k]) < 1e-4) }
        // At temperature ½ the same loss halves the logits' scale: check against central differences.
        let (_, scaled) = LabelledLoss.gumbelSoftmaxCrossEntropy(theta: theta, noise: noise, labels: [0, 2], temperature: 0.5)
        for j in theta.indices {
            let numeric = centralDifference({ LabelledLoss.gumbelSoftmaxCrossEntropy(theta: $0, noise: noise, labels: [0, 2], temperature: 0.5).value },
                                            at: theta, coordinate: j)
            #expect(Swift.abs(numeric - Double(scaled[j])) < 1e-2)
        }
    }

    @Test("a labelled direct-optimisation step: the loss-augmented argmax is the label, the gradient (z − e_y)/ε", arguments: [0.05, 1.0])
    func directPicksTrueLabel(epsilon: Double) throws {
        let classes = 4, rows = 64
        var generator = SeededGenerator(seed: 3)
        let theta = (0..<rows * classes).map { _ in Float(generator.nextNormal()) * 3 }
        let labels = (0..<rows).map { $0 % classes }
        var layer = DifferentiableSolverLayer(solver: try BlockTopK(blockSize: classes, k: 1, blocks: 1),
                                              estimator: .directLoss(DirectLossConfiguration(mode: .exact(blockSize: classes),
                                                                                             epsilon: .constant(epsilon))),
                                              noise: .gumbel, seed: 5)
        let (z, tape) = try layer.forward(Matrix(rows: rows, columns: classes, values: theta))
        let penalty = LabelledLoss.indicatorPenalty(theta: tape.theta.values, noise: tape.noise.values, epsilon: epsilon)
        let scorer = LabelledLoss.indicatorScorer(labels: labels, classes: classes, penalty: penalty)
        let zero = Matrix(rows: rows, columns: classes, values: [Float](repeating: 0, count: rows * classes))
        let gradient = try layer.backward(zero, tape, context: BackwardContext(scorer: scorer))
        var wrong = 0
        for b in 0..<rows {
            for k in 0..<classes {
                let expected = (z.values[b * classes + k] - (k == labels[b] ? 1 : 0)) / Float(epsilon)
                #expect(Swift.abs(gradient.values[b * classes + k] - expected) < 1e-4 * Float(1 / epsilon))
            }
            if z.values[b * classes + labels[b]] != 1 { wrong += 1 }
        }
        #expect(wrong > 0, "the batch must contain samples whose sampled class is not the label")
    }

    @Test("the indicator scorer gives 0 at the label and the penalty elsewhere")
    func indicatorScorer() throws {
        let scorer = LabelledLoss.indicatorScorer(labels: [2, 0], classes: 3, penalty: 7)
        let candidates = Matrix(rows: 4, columns: 3, values: [0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0])
        #expect(try scorer(candidates, [0, 0, 1, 1]) == [0, 7, 0, 7])
    }
}
