import _Differentiation
import Benchmark
import DifferentiableSolvers
import TensorLayers

/// A ResNet-18 stem with a batch of random images and random targets.
private struct StemWorkload: @unchecked Sendable {
    var model: ResNetStem
    let images: Tensor
    let target: Tensor
    var optimizer = Adam(learningRate: 1e-3)

    init(batch: Int, side: Int, grid: Int) {
        var rng = SeededGenerator(seed: 1)
        model = try! ResNetStem(gridSize: grid, using: &rng)
        images = try! Tensor(shape: [batch, 3, side, side],
                             scalars: (0..<(batch * 3 * side * side)).map { _ in Float(rng.nextUniform()) })
        target = try! Tensor(shape: [batch, grid, grid],
                             scalars: (0..<(batch * grid * grid)).map { _ in Float(rng.nextUniform()) })
    }

    func forward() -> Tensor { model(images, phase: .training) }

    mutating func trainingStep() -> Float {
        let (images, target) = (self.images, self.target)
        let (loss, gradient) = valueWithGradient(at: model) { m in
            meanSquaredError(predicted: m(images, phase: .training), expected: target)
        }
        try! optimizer.update(&model, along: gradient)
        return loss
    }
}

/// A side × side matrix of uniform values.
private func randomSquare(_ side: Int, using rng: inout SeededGenerator) -> Tensor {
    try! Tensor(shape: [side, side], scalars: (0..<(side * side)).map { _ in Float(rng.nextUniform()) })
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))
    // The ceiling the convolutions run against: OpenBLAS sgemm (through `matmul`) on square
    // matrices, 2 · 1024³ floating-point operations per iteration. compare-cnn-step.sh turns
    // its median into GFLOP/s and reports the training step's share of it.
    Benchmark("OpenBLAS sgemm 1024 × 1024 × 1024 (matmul)", configuration: configuration) { benchmark in
        var rng = SeededGenerator(seed: 2)
        let (a, b) = (randomSquare(1024, using: &rng), randomSquare(1024, using: &rng))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(matmul(a, b)) }
    }
    for (side, grid) in [(96, 12), (240, 30)] {
        Benchmark("ResNet-18 stem forward, 70 × 3 × \(side) × \(side)", configuration: configuration) { benchmark in
            let workload = StemWorkload(batch: 70, side: side, grid: grid)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(workload.forward()) }
        }
        Benchmark("ResNet-18 stem training step (forward, backward, Adam), 70 × 3 × \(side) × \(side)", configuration: configuration) { benchmark in
            var workload = StemWorkload(batch: 70, side: side, grid: grid)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(workload.trainingStep()) }
        }
    }
}
