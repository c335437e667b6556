import Benchmark
import DifferentiableSolvers

let benchmarks: @Sendable () -> Void = {
    Benchmark("noop") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SeededGenerator(seed: 1).nextUniform()) }
    }
}
