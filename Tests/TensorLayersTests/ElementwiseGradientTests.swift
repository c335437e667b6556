import _Differentiation
import DifferentiableSolvers
import Testing
import TensorLayers

@Suite("Element-wise and shape operations: gradients against finite differences")
struct ElementwiseGradientTests {
    @Test("ReLU, sigmoid and abs", arguments: 0..<4)
    func activations(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [1])
        let x = separatedTensor([2, 3, 4], gap: 0.07, using: &rng)
        let r = randomTensor([2, 3, 4], using: &rng)
        expectGradientMatchesFiniteDifferences(x) { sum(relu($0) * r) }
        expectGradientMatchesFiniteDifferences(x) { sum(sigmoid($0) * r) }
        expectGradientMatchesFiniteDifferences(x) { sum(abs($0) * r) }
    }

    @Test("Sum, difference, product and scaling", arguments: 0..<4)
    func arithmetic(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [2])
        let a = randomTensor([3, 5], using: &rng), b = randomTensor([3, 5], using: &rng)
        let r = randomTensor([3, 5], using: &rng)
        expectGradientMatchesFiniteDifferences(a) { sum(($0 + b) * r) }
        expectGradientMatchesFiniteDifferences(a) { sum((b - $0) * r) }
        expectGradientMatchesFiniteDifferences(a) { sum(($0 * $0 - 2.5 * $0) * r) }
    }

    @Test("Reshape, transpose and concatenate", arguments: 0..<4)
    func shapes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [3])
        let x = randomTensor([2, 3, 4], using: &rng)
        let other = randomTensor([2, 2, 4], using: &rng)
        let r1 = randomTensor([4, 6], using: &rng)
        let r2 = randomTensor([4, 2, 3], using: &rng)
        let r3 = randomTensor([2, 5, 4], using: &rng)
        expectGradientMatchesFiniteDifferences(x) { sum(reshape($0, to: [4, 6]) * r1) }
        expectGradientMatchesFiniteDifferences(x) { sum(transpose($0, permutation: [2, 0, 1]) * r2) }
        expectGradientMatchesFiniteDifferences(x) { sum(concatenate([other, $0], alongAxis: 1) * r3) }
    }

    @Test("Means and sums", arguments: [0, 1, 2])
    func reductions(axis: Int) {
        var rng = SeededGenerator(seed: 9, stream: [4, UInt64(axis)])
        let x = randomTensor([2, 3, 4], using: &rng)
        var reducedShape = [2, 3, 4]
        reducedShape.remove(at: axis)
        let r = randomTensor(reducedShape, using: &rng)
        expectGradientMatchesFiniteDifferences(x) { sum(mean($0, alongAxis: axis) * r) }
        expectGradientMatchesFiniteDifferences(x) { mean($0 * $0) }
    }

    @Test("Losses: mean squared error, binary cross-entropy, Hamming", arguments: 0..<4)
    func losses(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [5])
        let x = randomTensor([3, 4], in: -2...2, using: &rng)
        let target = randomTensor([3, 4], in: 0...1, using: &rng)
        expectGradientMatchesFiniteDifferences(x) { meanSquaredError(predicted: $0, expected: target) }
        expectGradientMatchesFiniteDifferences(x) { binaryCrossEntropy(logits: $0, labels: target) }
        expectGradientMatchesFiniteDifferences(x) { hammingLoss(predicted: $0, expected: target) }
    }
}
