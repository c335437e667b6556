import Foundation
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("The classifier's softmax cross-entropy")
struct SoftmaxCrossEntropyTests {
    @Test("Hand-computed value and gradient")
    func handComputed() throws {
        let (loss, gradient) = try SoftmaxCrossEntropy.lossAndGradient(logits: [0, 0,  0, log(3)], labels: [1, 0], classes: 2)
        // Row 1: log 2; row 2: −log(1/4) = log 4; the mean of the two.
        #expect(abs(loss - (log(2) + log(4)) / 2) < 1e-6)
        let expected: [Float] = [0.25, -0.25, -0.375, 0.375]
        for (value, truth) in zip(gradient, expected) { #expect(abs(value - truth) < 1e-6) }
        #expect(SoftmaxCrossEntropy.predictions(logits: [0, 1, 2,  5, 1, 2], classes: 3) == [2, 0])
    }

    @Test("Confident rows keep a finite loss")
    func confident() throws {
        let (loss, _) = try SoftmaxCrossEntropy.lossAndGradient(logits: [1_000, -1_000], labels: [1], classes: 2)
        #expect(abs(loss - 2_000) < 1e-3)
    }
}
