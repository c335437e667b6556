import _Differentiation
import DifferentiableSolvers
import Testing
import TensorLayers

/// A convolution configuration: input [N, C, H, W], F filters of side K, stride, padding.
struct ConvolutionCase: Sendable, CustomTestStringConvertible {
    let input: [Int], filters: Int, kernel: Int, stride: Int, padding: Int
    var testDescription: String { "\(input) * \(filters)×\(kernel)×\(kernel) s\(stride) p\(padding)" }
}

@Suite("Layers: gradients against finite differences")
struct LayerGradientTests {
    static let convolutions = [
        ConvolutionCase(input: [2, 2, 5, 5], filters: 3, kernel: 3, stride: 1, padding: 1),
        ConvolutionCase(input: [2, 3, 7, 6], filters: 2, kernel: 3, stride: 2, padding: 1),
        ConvolutionCase(input: [1, 2, 9, 9], filters: 2, kernel: 7, stride: 2, padding: 3),
        ConvolutionCase(input: [2, 2, 6, 5], filters: 3, kernel: 2, stride: 3, padding: 0),
        ConvolutionCase(input: [2, 3, 4, 4], filters: 2, kernel: 1, stride: 1, padding: 0),
    ]

    @Test("Convolution: input, filter and bias", arguments: convolutions)
    func convolution(_ c: ConvolutionCase) {
        var rng = SeededGenerator(seed: 11, stream: [UInt64(c.kernel), UInt64(c.stride)])
        let x = randomTensor(c.input, using: &rng)
        let w = randomTensor([c.filters, c.input[1], c.kernel, c.kernel], using: &rng)
        let b = randomTensor([c.filters], using: &rng)
        let y = conv2d(x, filter: w, bias: b, stride: c.stride, padding: c.padding)
        let r = randomTensor(y.shape, using: &rng)
        expectGradientMatchesFiniteDifferences(x) { sum(conv2d($0, filter: w, bias: b, stride: c.stride, padding: c.padding) * r) }
        expectGradientMatchesFiniteDifferences(w) { sum(conv2d(x, filter: $0, bias: b, stride: c.stride, padding: c.padding) * r) }
        expectGradientMatchesFiniteDifferences(b) { sum(conv2d(x, filter: w, bias: $0, stride: c.stride, padding: c.padding) * r) }
        // Without bias, differentiating only the filter (the input is constant).
        expectGradientMatchesFiniteDifferences(w) { sum(conv2d(x, filter: $0, stride: c.stride, padding: c.padding) * r) }
    }

    @Test("Matrix product and linear map", arguments: 0..<3)
    func matrices(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [12])
        let a = randomTensor([3, 4], using: &rng), b = randomTensor([4, 5], using: &rng)
        let w = randomTensor([5, 4], using: &rng), bias = randomTensor([5], using: &rng)
        let r = randomTensor([3, 5], using: &rng)
        expectGradientMatchesFiniteDifferences(a) { sum(matmul($0, b) * r) }
        expectGradientMatchesFiniteDifferences(b) { sum(matmul(a, $0) * r) }
        expectGradientMatchesFiniteDifferences(a) { sum(linear($0, weight: w, bias: bias) * r) }
        expectGradientMatchesFiniteDifferences(w) { sum(linear(a, weight: $0, bias: bias) * r) }
        expectGradientMatchesFiniteDifferences(bias) { sum(linear(a, weight: w, bias: $0) * r) }
    }

    @Test("Batch normalisation in training and inference", arguments: [Phase.training, .inference])
    func batchNormalization(phase: Phase) {
        var rng = SeededGenerator(seed: 13, stream: [phase == .training ? 1 : 2])
        let x = randomTensor([3, 2, 2, 3], in: -2...2, using: &rng)
        let scale = randomTensor([2], in: 0.5...1.5, using: &rng), offset = randomTensor([2], using: &rng)
        let r = randomTensor([3, 2, 2, 3], using: &rng)
        let statistics = RunningStatistics(channels: 2)
        try! statistics.set(mean: [0.3, -0.2], variance: [0.8, 1.7])
        func normalize(_ x: Tensor, _ scale: Tensor, _ offset: Tensor) -> Tensor {
            batchNorm(x, scale: scale, offset: offset, statistics: statistics, phase: phase)
        }
        expectGradientMatchesFiniteDifferences(x, step: 5e-3) { sum(normalize($0, scale, offset) * r) }
        expectGradientMatchesFiniteDifferences(scale) { sum(normalize(x, $0, offset) * r) }
        expectGradientMatchesFiniteDifferences(offset) { sum(normalize(x, scale, $0) * r) }
    }

    @Test("Max pooling and adaptive max pooling", arguments: 0..<4)
    func pooling(seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: [14])
        let x = separatedTensor([2, 2, 7, 6], using: &rng)
        let r1 = randomTensor([2, 2, 4, 3], using: &rng)
        let r2 = randomTensor([2, 2, 3, 4], using: &rng)
        expectGradientMatchesFiniteDifferences(x) { sum(maxPool2d($0, kernelSize: 3, stride: 2, padding: 1) * r1) }
        expectGradientMatchesFiniteDifferences(x) { sum(adaptiveMaxPool2d($0, outputHeight: 3, outputWidth: 4) * r2) }
    }

    @Test("Residual block with respect to its input")
    func residualBlock() throws {
        var rng = SeededGenerator(seed: 15)
        let block = try ResidualBlock(channels: 2, using: &rng)
        let x = randomTensor([2, 2, 4, 4], in: -2...2, using: &rng)
        let r = randomTensor([2, 2, 4, 4], using: &rng)
        expectGradientMatchesFiniteDifferences(x, step: 2e-3, tolerance: 2e-2) { sum(block($0, phase: .inference) * r) }
    }
}
