import Benchmark
import CombinatorialSolvers
import DifferentiableSolvers

// The layer's overhead: adaptive IMLE (central differences) forward + backward on top-k with
// B = 256, n = 1000, S = 10, against the three batched solver calls of B · S rows it makes.
// Report the ratio of the two medians.
let batch = 256, variables = 1000, samples = 10

func normalMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { _ in Float(generator.nextNormal()) })
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal],
                                                timeUnits: .milliseconds, maxDuration: .seconds(10))
    let theta = normalMatrix(rows: batch, columns: variables, seed: 1)
    let upstream = normalMatrix(rows: batch * samples, columns: variables, seed: 2)
    let solver = TopK(k: 5)

    Benchmark("AIMLE central forward+backward, top-5, B=256 n=1000 S=10", configuration: configuration) { benchmark in
        // A warmed-up α so that the backward pass really solves (α₀ = 0 would skip it).
        let estimator: any GradientEstimator = .aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.5))
        var layer = DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: samples, seed: 3)
        for _ in benchmark.scaledIterations {
            let (z, tape) = try layer.forward(theta)
            blackHole(z)
            blackHole(try layer.backward(upstream, tape))
        }
    }

    // Sum-of-Gamma noise on its own (Niepert et al. 2021's k = 5, 10 iterations): one row's
    // worth of the layer's noise, 100 000 values per iteration.
    Benchmark("Sum-of-Gamma noise, k = 5, 10 iterations, 100 000 values", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            var generator = SeededGenerator(seed: UInt64(iteration))
            blackHole(NoiseDistribution.sumOfGamma(k: 5, iterations: 10).sample(count: 100_000, using: &generator))
        }
    }

    let perturbed = (0..<3).map { normalMatrix(rows: batch * samples, columns: variables, seed: 10 + UInt64($0)) }
    Benchmark("baseline: three batched top-5 solves of 2560 × 1000", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for input in perturbed { blackHole(try solver.solveBatch(input)) }
        }
    }
}
