import Benchmark
import DifferentiableSolvers
import GraphCutSolver

/// Graph-cut MAP on a 256 × 256 grid: build the network and solve, per instance.
///
/// Unaries U(−0.5, 0.5) (centred: with all-positive unaries the maximiser is trivially all
/// ones) and Potts-style pairwise weights U(0, 0.5). The reference C++ max-flow behind
/// PyMaxflow needs about 37 ms for a comparable 4-connected instance.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))

    for connectivity in [GridConnectivity.four, .eight] {
        guard let solver = try? GraphCutSolver(gridRows: 256, columns: 256, connectivity: connectivity) else { return }
        let theta = gridParameters(for: solver, seed: 256)
        let name = connectivity == .four ? "4-connected" : "8-connected"

        // A fresh workspace per instance: the network's memory is allocated every time.
        Benchmark("GraphCut 256×256 \(name), fresh network", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? solver.solve(row: theta))
            }
        }

        // One workspace reused across instances, as each worker of a batched solve does.
        Benchmark("GraphCut 256×256 \(name), reused workspace", configuration: configuration) { benchmark in
            var workspace = solver.makeWorkspace()
            var solution = [Float](repeating: 0, count: theta.count)
            for _ in benchmark.scaledIterations {
                var span = solution.mutableSpan
                blackHole(try? solver.solve(theta.span, into: &span, workspace: &workspace))
            }
            blackHole(solution)
        }
    }
}

/// θ = [unaries U(−0.5, 0.5), weights U(0, 0.5)] for `solver`'s grid.
private func gridParameters(for solver: GraphCutSolver, seed: UInt64) -> [Float] {
    var rng = SeededGenerator(seed: seed)
    let unaries = (0..<solver.nodeCount).map { _ in Float.random(in: -0.5..<0.5, using: &rng) }
    let weights = (0..<solver.edgeCount).map { _ in Float.random(in: 0..<0.5, using: &rng) }
    return unaries + weights
}
