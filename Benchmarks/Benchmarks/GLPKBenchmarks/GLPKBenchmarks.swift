import Benchmark
import DifferentiableSolvers
import GLPKSolver

// Per-instance solve time of a 32-item, 2-constraint 0/1 knapsack through GLPK:
// structure reuse (one workspace, only the objective changes) against rebuilding the
// model for every instance (new solver and new GLPK problem). Report the ratio of medians.
let items = 32, instanceCount = 256

func knapsackProgram(seed: UInt64) -> LinearProgram {
    var generator = SeededGenerator(seed: seed)
    let weights = (0..<2).map { _ in (0..<items).map { _ in Double(Int.random(in: 1...20, using: &generator)) } }
    return LinearProgram(sense: .maximize, variables: Array(repeating: .binary(), count: items),
                         constraints: weights.map { .init(dense: $0, bounds: .atMost($0.reduce(0, +) / 2)) })
}

func objectives(seed: UInt64) -> [[Float]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<instanceCount).map { _ in (0..<items).map { _ in Float(1 + 9 * generator.nextUniform()) } }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], timeUnits: .microseconds,
                                                maxDuration: .seconds(3))
    let program = knapsackProgram(seed: 1)
    let thetas = objectives(seed: 2)

    Benchmark("GLPK knapsack 32 items × 2 rows: structure reuse", configuration: configuration) { benchmark in
        let solver = try LinearProgramSolver(model: program)
        var workspace = solver.makeWorkspace()
        for iteration in benchmark.scaledIterations {
            blackHole(try solver.solveReportingStatus(thetas[iteration % instanceCount], workspace: &workspace))
        }
    }

    Benchmark("GLPK knapsack 32 items × 2 rows: rebuild per instance", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            let solver = try LinearProgramSolver(model: program)
            blackHole(try solver.solveReportingStatus(thetas[iteration % instanceCount]))
        }
    }
}
