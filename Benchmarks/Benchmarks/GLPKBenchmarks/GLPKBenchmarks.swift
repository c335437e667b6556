import Benchmark
import DifferentiableSolvers
import GLPKSolver

// Per-instance solve time of a 32-item, 2-constraint 0/1 knapsack through GLPK:
// structure reuse (one workspace, only the objective changes) against rebuilding the
// model for every instance (new solver and new GLPK problem). One iteration solves all
// 256 instances, so the per-instance time is the iteration time / 256. Report the ratio
// of medians.
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
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], timeUnits: .milliseconds,
                                                maxDuration: .seconds(5))
    let thetas = objectives(seed: 2)
    let integer = knapsackProgram(seed: 1)
    // The same structure with z ∈ [0, 1]ⁿ: solved by the simplex method, where building the
    // problem is a larger share of the work.
    var relaxed = integer
    relaxed.variables = relaxed.variables.map { _ in .continuous(bounds: .between(0, 1)) }

    for (label, program) in [("0/1 knapsack", integer), ("LP relaxation", relaxed)] {
        Benchmark("GLPK \(label) 32 items × 2 rows, 256 instances: structure reuse",
                  configuration: configuration) { benchmark in
            let solver = try LinearProgramSolver(model: program)
            var workspace = solver.makeWorkspace()
            for _ in benchmark.scaledIterations {
                for theta in thetas { blackHole(try solver.solveReportingStatus(theta, workspace: &workspace)) }
            }
        }

        Benchmark("GLPK \(label) 32 items × 2 rows, 256 instances: rebuild per instance",
                  configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                for theta in thetas { blackHole(try LinearProgramSolver(model: program).solveReportingStatus(theta)) }
            }
        }
    }
}
