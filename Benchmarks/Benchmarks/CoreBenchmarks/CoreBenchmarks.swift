import Benchmark
import DifferentiableSolvers
import LayerOverheadWorkload

// The layer's overhead: adaptive IMLE (central differences) forward + backward on top-k with
// B = 256, n = 1000, S = 10, against the three batched solver calls of B · S rows it makes.
// Report the ratio of the two medians (Profiling/layer-overhead.sh gives the same ratio in
// instructions, which a busy machine does not blur).
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal],
                                                timeUnits: .milliseconds, maxDuration: .seconds(10))
    let workload = LayerOverheadWorkload()

    Benchmark("AIMLE central forward+backward, top-5, B=256 n=1000 S=10", configuration: configuration) { benchmark in
        var layer = workload.makeLayer()
        for _ in benchmark.scaledIterations {
            blackHole(try workload.layerPass(&layer))
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

    // Gumbel noise on its own: the forward pass's 2.56 million values (sixteen lanes per
    // instruction where the processor has AVX-512, eight with AVX2).
    Benchmark("Gumbel noise, 2 560 000 values", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            var generator = SeededGenerator(seed: UInt64(iteration))
            blackHole(NoiseDistribution.gumbel.sample(count: 2_560_000, using: &generator))
        }
    }

    Benchmark("baseline: three batched top-5 solves of 2560 × 1000", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try workload.solverCalls())
        }
    }
}
