import Benchmark
import CombinatorialSolvers
import DifferentiableSolvers

// Each benchmark solves one batch of 1,000 random instances; divide the wall-clock time
// of an iteration by 1,000 for the per-instance time. Every problem runs once on the
// calling thread (serial) and once on all cores, so the pair gives the parallel speed-up.
// Weights are uniform in (0, 10), drawn from a fixed seed.

let batchSize = 1000

/// A batch × columns matrix of uniform (0, 10) weights.
func uniformBatch(columns: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: batchSize, columns: columns,
                  values: (0 ..< batchSize * columns).map { _ in Float(rng.nextUniform() * 10) })
}

/// Registers the serial and the all-cores benchmark of one solver.
func registerBatchBenchmarks(_ name: String, _ solver: some MAPSolver, columns: Int, seed: UInt64) {
    let theta = uniformBatch(columns: columns, seed: seed)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))
    for (label, parallelism) in [("serial", Parallelism.serial), ("all cores", Parallelism.automatic)] {
        Benchmark("\(name) × \(batchSize) (\(label))", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try solver.solveBatch(theta, parallelism: parallelism))
            }
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    do {
        registerBatchBenchmarks("Grid shortest path 12×12, 8-connected",
                                try GridShortestPath(height: 12, width: 12), columns: 144, seed: 1)
        registerBatchBenchmarks("Grid shortest path 30×30, 8-connected",
                                try GridShortestPath(height: 30, width: 30), columns: 900, seed: 2)
        registerBatchBenchmarks("DAG shortest path, PyEPO 5×5 grid",
                                try GraphShortestPath.directedGrid(rows: 5, columns: 5), columns: 40, seed: 3)
        registerBatchBenchmarks("Kruskal, complete graph on 10 vertices",
                                try SpanningTree.completeGraph(vertexCount: 10), columns: 45, seed: 4)
        registerBatchBenchmarks("Kruskal, complete graph on 100 vertices",
                                try SpanningTree.completeGraph(vertexCount: 100), columns: 4950, seed: 5)
        registerBatchBenchmarks("Assignment 50×50",
                                try LinearAssignment(size: 50), columns: 2500, seed: 6)
        registerBatchBenchmarks("Ranking of 100 scores", Ranking(), columns: 100, seed: 7)
    } catch {
        fatalError("benchmark set-up failed: \(error)")
    }
}
