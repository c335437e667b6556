import _Differentiation
import _TestSupport
import DifferentiableSolvers
import Testing
import TensorLayers

@Suite("ResNet-18 stem and differentiation through models")
struct ModelTests {
    @Test("Output shape and input validation")
    func shapes() throws {
        var rng = SeededGenerator(seed: 20)
        let model = try ResNetStem(gridSize: 4, using: &rng)
        let images = randomTensor([2, 3, 16, 16], using: &rng)
        try model.validate(inputShape: images.shape)
        #expect(model(images, phase: .training).shape == [2, 4, 4])
        #expect(throws: TensorError.self) { try model.validate(inputShape: [2, 1, 16, 16]) }
        #expect(throws: TensorError.self) { try model.validate(inputShape: [2, 3, 8, 8]) }
        #expect(throws: TensorError.self) { try model.validate(inputShape: [0, 3, 16, 16]) }
        #expect(ResNetStem.parameters.count == 2 + 2 + 2 * 8)
        #expect(Set(ResNetStem.parameters.map(\.name)).count == ResNetStem.parameters.count)
        #expect(model.namedStatistics.count == 5)
    }

    @Test("Model gradient matches finite differences along random directions", arguments: [Phase.training, .inference])
    func modelGradient(phase: Phase) throws {
        var rng = SeededGenerator(seed: 21, stream: [phase == .training ? 0 : 1])
        let model = try ResNetStem(gridSize: 3, using: &rng)
        let images = randomTensor([3, 3, 12, 12], using: &rng)
        let target = randomTensor([3, 3, 3], using: &rng)
        func loss(_ m: ResNetStem) -> Float { meanSquaredError(predicted: m(images, phase: phase), expected: target) }
        let g = gradient(at: model) { m in meanSquaredError(predicted: m(images, phase: phase), expected: target) }
        // The batch-norm parameters: their gradients flow back through every later layer
        // (max-pool, both residual blocks with their skips, adaptive max-pool, channel mean).
        // Filters are checked per operation in LayerGradientTests: a finite step on a
        // filter moves many pre-activations across ReLU and max-pool kinks at once.
        let checks: [(index: Int, step: Float, tolerance: Double)] = [
            (2, 1e-3, 0.05), (3, 1e-3, 0.05), (6, 1e-3, 0.05), (7, 1e-3, 0.05), (11, 1e-3, 0.05), (14, 1e-3, 0.05),
        ]
        for (index, step, tolerance) in checks {
            let parameter = ResNetStem.parameters[index]
            let value = model[keyPath: parameter.value]
            let direction = randomTensor(value.shape, using: &rng)
            var plus = model, minus = model
            plus[keyPath: parameter.value] = value + step * direction
            minus[keyPath: parameter.value] = value - step * direction
            let numeric = (Double(loss(plus)) - Double(loss(minus))) / (2 * Double(step))
            let analytic = Double(sum(g[keyPath: parameter.gradient] * direction))
            #expect(isApproximatelyEqual(numeric, analytic, relative: tolerance, absolute: 2e-3), "\(parameter.name): \(numeric) vs \(analytic)")
        }
    }

    @Test("Pullbacks accept the zero tangent and scale with the seed")
    func zeroAndScaledTangents() throws {
        var rng = SeededGenerator(seed: 22)
        let model = try ResNetStem(gridSize: 2, using: &rng)
        let images = randomTensor([2, 3, 12, 12], using: &rng)
        let (output, pullback) = valueWithPullback(at: model) { $0(images, phase: .inference) }
        let zero = pullback(.zero)
        #expect(zero.conv.filter.isZero && zero.block2.norm2.scale.isZero)
        let seed = randomTensor(output.shape, using: &rng)
        let once = pullback(seed), thrice = pullback(3 * seed)
        #expect(isApproximatelyEqual(thrice.conv.filter.scalars, (3 * once.conv.filter).scalars, absolute: 1e-4))
        // A parameter the loss does not use gets the zero tangent.
        let partial = gradient(at: model) { m in sum(m.block1.conv1.filter) }
        #expect(partial.conv.filter.isZero)
        #expect(partial.block1.conv1.filter.scalars.allSatisfy { $0 == 1 })
        var updated = model
        var optimizer = Adam(learningRate: 0.1)
        try optimizer.update(&updated, along: partial)
        #expect(updated.conv.filter == model.conv.filter)
        #expect(updated.block1.conv1.filter != model.block1.conv1.filter)
    }

    @Test("A few Adam steps lower the training loss of the stem")
    func training() throws {
        var rng = SeededGenerator(seed: 23)
        var model = try ResNetStem(gridSize: 3, using: &rng)
        let images = randomTensor([4, 3, 12, 12], using: &rng)
        let target = randomTensor([4, 3, 3], in: 0...1, using: &rng)
        var optimizer = Adam(learningRate: 1e-2)
        var losses: [Float] = []
        for _ in 0..<8 {
            let (loss, g) = valueWithGradient(at: model) { m in meanSquaredError(predicted: m(images, phase: .training), expected: target) }
            losses.append(loss)
            try optimizer.update(&model, along: g)
        }
        #expect(losses.last! < 0.5 * losses.first!, "\(losses)")
    }

    @Test("Dense layer gradient")
    func dense() throws {
        var rng = SeededGenerator(seed: 24)
        let layer = try Dense(inputSize: 3, outputSize: 2, using: &rng)
        let x = randomTensor([4, 3], using: &rng), r = randomTensor([4, 2], using: &rng)
        let g = gradient(at: layer) { l in sum(l(x) * r) }
        // d/dW of Σ r·(x Wᵀ) is rᵀ x; d/db is the column sums of r.
        #expect(isApproximatelyEqual(g.weight.scalars, matmul(transpose(r, permutation: [1, 0]), x).scalars, absolute: 1e-5))
        #expect(isApproximatelyEqual(g.bias.scalars, mean(r, alongAxis: 0).scalars.map { $0 * 4 }, absolute: 1e-5))
    }
}
