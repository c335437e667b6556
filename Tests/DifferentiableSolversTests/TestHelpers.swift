import DifferentiableSolvers
import Synchronization

/// Counts the calls of a wrapped solver.
final class CallCounter: Sendable {
    private let calls = Atomic<Int>(0)
    var count: Int { calls.load(ordering: .relaxed) }
    func increment() { calls.add(1, ordering: .relaxed) }
}

/// A solver that forwards to `base` and counts how often `solve` runs.
struct CountingSolver<Base: MAPSolver>: MAPSolver {
    let base: Base
    let counter = CallCounter()
    var sense: OptimizationSense { base.sense }
    var variableCount: Int? { base.variableCount }
    func makeWorkspace() -> Base.Workspace { base.makeWorkspace() }
    func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout Base.Workspace) throws(SolverError) {
        counter.increment()
        try base.solve(theta, into: &solution, workspace: &workspace)
    }
}

/// θ ~ N(0, I) rows from a seeded generator.
func normalMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { _ in Float(generator.nextNormal()) })
}

/// f(z) = ‖z − b‖², the loss of the AIMLE paper's synthetic study.
func squaredDistance(_ z: [Float], _ b: [Float]) -> Double {
    zip(z, b).reduce(0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
}

/// ∂f/∂z = 2(z − b) for every sample row of `samples`.
func squaredDistanceGradient(_ samples: Matrix, _ b: [Float]) -> Matrix {
    var gradient = samples
    for r in 0..<samples.rows {
        for j in 0..<samples.columns { gradient[r, j] = 2 * (samples[r, j] - b[j]) }
    }
    return gradient
}
