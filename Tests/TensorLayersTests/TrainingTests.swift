import _Differentiation
import _TestSupport
import DifferentiableSolvers
import Foundation
import Testing
import TensorLayers

/// A model with two parameter tensors, for optimiser arithmetic.
struct TwoParameters: ParameterizedModel {
    var a: Tensor
    var b: Tensor
    static var parameters: [ModelParameter<TwoParameters>] {
        [ModelParameter("a", \.a, \.a), ModelParameter("b", \.b, \.b)]
    }
}

@Suite("Optimisers, schedules, checkpoints")
struct TrainingTests {
    func model() -> TwoParameters {
        TwoParameters(a: try! Tensor(shape: [2], scalars: [1, -2]), b: try! Tensor(shape: [1], scalars: [0.5]))
    }

    func gradient(_ values: [Float], _ b: [Float]) -> TwoParameters.TangentVector {
        .init(a: try! Tensor(shape: [2], scalars: values), b: try! Tensor(shape: [1], scalars: b))
    }

    @Test("Adam follows its update formula over two steps")
    func adam() throws {
        var model = model()
        var optimizer = Adam(learningRate: 0.1, weightDecay: 0.01)
        let gradients: [[Float]] = [[0.3, -4], [-0.2, 1]]
        var p: [Double] = [1, -2], m: [Double] = [0, 0], v: [Double] = [0, 0]
        for (step, g) in gradients.enumerated() {
            try optimizer.update(&model, along: gradient(g, [0]))
            for i in 0..<2 {
                let gi = Double(g[i]) + 0.01 * p[i]
                m[i] = 0.9 * m[i] + 0.1 * gi
                v[i] = 0.999 * v[i] + 0.001 * gi * gi
                let mHat = m[i] / (1 - pow(0.9, Double(step + 1))), vHat = v[i] / (1 - pow(0.999, Double(step + 1)))
                p[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            #expect(isApproximatelyEqual(model.a.scalars, p.map(Float.init), absolute: 1e-5))
        }
        #expect(optimizer.step == 2)
    }

    @Test("SGD with momentum and Nesterov momentum follow their formulas", arguments: [false, true])
    func stochasticGradientDescent(nesterov: Bool) throws {
        var model = model()
        var optimizer = StochasticGradientDescent(learningRate: 0.5, momentum: 0.9, nesterov: nesterov)
        var p: [Double] = [1, -2], buffer: [Double] = [0, 0]
        for g in [[1, 2], [-1, 0.5]] as [[Float]] {
            try optimizer.update(&model, along: gradient(g, [0]))
            for i in 0..<2 {
                buffer[i] = 0.9 * buffer[i] + Double(g[i])
                p[i] -= 0.5 * (nesterov ? Double(g[i]) + 0.9 * buffer[i] : buffer[i])
            }
        }
        #expect(isApproximatelyEqual(model.a.scalars, p.map(Float.init), absolute: 1e-5))
    }

    @Test("Zero gradients leave parameters alone; bad gradients throw and change nothing")
    func gradientChecks() throws {
        var model = model()
        var optimizer = Adam()
        try optimizer.update(&model, along: .init(a: .zero, b: .zero))
        #expect(model.a.scalars == [1, -2] && model.b.scalars == [0.5])
        #expect(throws: TensorError.self) { try optimizer.update(&model, along: gradient([1, .nan], [0])) }
        #expect(throws: TensorError.self) { try optimizer.update(&model, along: .init(a: Tensor(repeating: 1, shape: [3]), b: .zero)) }
        #expect(model.a.scalars == [1, -2])
    }

    @Test("Step schedule")
    func schedule() {
        let schedule = StepSchedule(initial: 1, milestones: [40, 30], factor: 0.1)
        #expect(schedule.learningRate(atEpoch: 0) == 1)
        #expect(schedule.learningRate(atEpoch: 29) == 1)
        #expect(isApproximatelyEqual(Double(schedule.learningRate(atEpoch: 30)), 0.1))
        #expect(isApproximatelyEqual(Double(schedule.learningRate(atEpoch: 45)), 0.01))
        let every = StepSchedule(initial: 2, every: 10, upTo: 30, factor: 0.5)
        #expect(every.milestones == [10, 20, 30])
        #expect(every.learningRate(atEpoch: 25) == 0.5)
    }

    @Test("He initialisation has the requested spread and is reproducible")
    func kaiming() throws {
        var rng = SeededGenerator(seed: 3)
        let w = try Tensor.kaimingNormal(shape: [64, 3, 7, 7], fan: 64 * 49, using: &rng)
        let values = w.scalars.map(Double.init)
        let average = values.reduce(0, +) / Double(values.count)
        let deviation = (values.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(Swift.abs(average) < 0.003)
        #expect(isApproximatelyEqual(deviation, (2.0 / (64 * 49)).squareRoot(), relative: 0.03))
        var again = SeededGenerator(seed: 3)
        #expect(try Tensor.kaimingNormal(shape: [64, 3, 7, 7], fan: 64 * 49, using: &again) == w)
    }

    @Test("Checkpoints round-trip parameters and statistics, and reject bad files")
    func checkpoint() throws {
        var rng = SeededGenerator(seed: 4)
        let trained = try ResNetStem(gridSize: 2, using: &rng)
        let images = randomTensor([2, 3, 12, 12], using: &rng)
        _ = trained(images, phase: .training)   // moves the running statistics
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tensor-checkpoint-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Checkpoint.save(trained, to: url)
        var restored = try ResNetStem(gridSize: 2, using: &rng)
        #expect(restored.conv.filter != trained.conv.filter)
        try Checkpoint.load(into: &restored, from: url)
        for parameter in ResNetStem.parameters {
            #expect(restored[keyPath: parameter.value] == trained[keyPath: parameter.value], "\(parameter.name)")
        }
        #expect(restored.block2.norm1.statistics.mean == trained.block2.norm1.statistics.mean)
        #expect(restored(images, phase: .inference) == trained(images, phase: .inference))

        var other = try Dense(inputSize: 2, outputSize: 2, using: &rng)
        #expect(throws: TensorError.self) { try Checkpoint.load(into: &other, from: url) }
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        #expect(throws: TensorError.self) { try Checkpoint.load(into: &restored, from: url) }
        try Data("not a checkpoint".utf8).write(to: url)
        #expect(throws: TensorError.self) { try Checkpoint.load(into: &restored, from: url) }
    }
}
