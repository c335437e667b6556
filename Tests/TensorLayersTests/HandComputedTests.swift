import _TestSupport
import DifferentiableSolvers
import Testing
import TensorLayers

@Suite("Outputs against hand-computed cases")
struct HandComputedTests {
    /// 0, 1, 2, … in the given shape.
    func ramp(_ shape: [Int]) -> Tensor {
        try! Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map(Float.init))
    }

    @Test("Convolution without padding, with bias")
    func convolution() throws {
        let x = try Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        // y[i, j] = x[i, j] − x[i + 1, j + 1] = −4 everywhere, plus the bias.
        let w = try Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1])
        let y = conv2d(x, filter: w, bias: try Tensor(shape: [1], scalars: [0.5]))
        #expect(y.shape == [1, 1, 2, 2])
        #expect(y.scalars == [-3.5, -3.5, -3.5, -3.5])
    }

    @Test("Convolution with stride 2 and padding 1, two channels in, two filters")
    func stridedPaddedConvolution() throws {
        let image = try Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let ones = try Tensor(repeating: 1, shape: [1, 1, 3, 3])
        let x = concatenate([image, ones], alongAxis: 1)
        // Filter 0: x₀[i, j] − x₀[i + 1, j + 1] on channel 0, nothing on channel 1.
        // Filter 1: the sum of channel 1 over the window (counts cells inside the image).
        let w = try Tensor(shape: [2, 2, 2, 2], scalars: [1, 0, 0, -1, 0, 0, 0, 0,
                                                          0, 0, 0, 0, 1, 1, 1, 1])
        let y = conv2d(x, filter: w, stride: 2, padding: 1)
        #expect(y.shape == [1, 2, 2, 2])
        // Windows start at rows/columns −1 and 1.
        #expect(y.scalars == [-1, -3, -7, -4, 1, 2, 2, 4])
    }

    @Test("Batch normalisation: batch statistics, running update, inference")
    func batchNormalization() throws {
        let x = try Tensor(shape: [2, 1, 1, 2], scalars: [1, 2, 3, 4])
        let scale = try Tensor(shape: [1], scalars: [2]), offset = try Tensor(shape: [1], scalars: [1])
        let statistics = RunningStatistics(channels: 1)
        let y = batchNorm(x, scale: scale, offset: offset, statistics: statistics, phase: .training)
        // Mean 2.5, biased variance 1.25.
        let deviation = (1.25 + 1e-5).squareRoot()
        let expected = [1.0, 2, 3, 4].map { Float(2 * ($0 - 2.5) / deviation + 1) }
        #expect(isApproximatelyEqual(y.scalars, expected))
        // Running: 0.9 · 0 + 0.1 · 2.5 and 0.9 · 1 + 0.1 · 5/3 (unbiased).
        #expect(isApproximatelyEqual(statistics.mean, [0.25]))
        #expect(isApproximatelyEqual(statistics.variance, [0.9 + 0.1 * 5 / 3]))
        let z = batchNorm(x, scale: scale, offset: offset, statistics: statistics, phase: .inference)
        let running = (0.9 + 0.1 * 5.0 / 3 + 1e-5).squareRoot()
        #expect(isApproximatelyEqual(z.scalars, [1.0, 2, 3, 4].map { Float(2 * ($0 - 0.25) / running + 1) }))
        #expect(isApproximatelyEqual(statistics.mean, [0.25]), "inference leaves the statistics alone")
    }

    @Test("Max pooling 3 × 3, stride 2, padding 1")
    func maxPooling() {
        let y = maxPool2d(ramp([1, 1, 4, 4]), kernelSize: 3, stride: 2, padding: 1)
        #expect(y.shape == [1, 1, 2, 2])
        #expect(y.scalars == [5, 7, 13, 15])
    }

    @Test("Adaptive max pooling 5 × 5 → 2 × 2 uses overlapping bins")
    func adaptiveMaxPooling() {
        // Bins 0..<3 and 2..<5 on both axes.
        let y = adaptiveMaxPool2d(ramp([1, 1, 5, 5]), outputHeight: 2, outputWidth: 2)
        #expect(y.scalars == [12, 14, 22, 24])
        let negated = adaptiveMaxPool2d(-1 * ramp([1, 1, 5, 5]), outputHeight: 2, outputWidth: 2)
        #expect(negated.scalars == [0, -2, -10, -12])
    }

    @Test("Mean over an axis, transpose, concatenate, matrix product")
    func shapes() throws {
        let x = ramp([2, 3])   // [[0, 1, 2], [3, 4, 5]]
        #expect(mean(x, alongAxis: 0).scalars == [1.5, 2.5, 3.5])
        #expect(mean(x, alongAxis: 1).scalars == [1, 4])
        #expect(transpose(x, permutation: [1, 0]).scalars == [0, 3, 1, 4, 2, 5])
        #expect(concatenate([x, x], alongAxis: 1).scalars == [0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])
        #expect(matmul(x, transpose(x, permutation: [1, 0])).scalars == [5, 14, 14, 50])
        #expect(relu(x - ramp([2, 3]) - ramp([2, 3])).scalars == [0, 0, 0, 0, 0, 0])
    }

    @Test("Losses")
    func losses() throws {
        let p = try Tensor(shape: [2, 2], scalars: [1, 0, 0, 0])
        let t = try Tensor(shape: [2, 2], scalars: [1, 1, 0, 1])
        #expect(hammingLoss(predicted: p, expected: t) == 1)   // two mismatches over two examples
        #expect(meanSquaredError(predicted: p, expected: t) == 0.5)
        let logits = try Tensor(shape: [2], scalars: [0, 100])
        let labels = try Tensor(shape: [2], scalars: [1, 1])
        #expect(isApproximatelyEqual(Double(binaryCrossEntropy(logits: logits, labels: labels)), 0.693_147_180_559_945_3 / 2, relative: 1e-6))
    }

    @Test("Checked initialisers throw on bad shapes")
    func checkedInitialisers() {
        #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
        #expect(throws: TensorError.self) { try Tensor(repeating: 0, shape: [2, -1]) }
        var rng = SeededGenerator(seed: 0)
        #expect(throws: TensorError.self) { try Tensor.kaimingNormal(shape: [2], fan: 0, using: &rng) }
        #expect(throws: TensorError.self) { try Conv2D(inputChannels: 3, outputChannels: 4, kernelSize: 3, padding: 3, using: &rng) }
    }
}
