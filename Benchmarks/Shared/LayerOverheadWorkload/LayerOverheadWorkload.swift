import CombinatorialSolvers
import DifferentiableSolvers

/// The layer-overhead workload of issue 20: adaptive IMLE (central differences) forward +
/// backward on top-5 with B = 256, n = 1000, S = 10, against the three batched solver calls of
/// B · S rows that pass makes. Shared by `CoreBenchmarks` (wall clock) and
/// `LayerOverheadProfile` (instruction counts under callgrind).
public struct LayerOverheadWorkload: Sendable {
    public static let batch = 256, variables = 1000, samples = 10

    public let theta: Matrix
    public let upstream: Matrix
    public let perturbed: [Matrix]
    public let solver = TopK(k: 5)

    public init() {
        theta = Self.normalMatrix(rows: Self.batch, columns: Self.variables, seed: 1)
        upstream = Self.normalMatrix(rows: Self.batch * Self.samples, columns: Self.variables, seed: 2)
        perturbed = (0..<3).map { Self.normalMatrix(rows: Self.batch * Self.samples, columns: Self.variables, seed: 10 + UInt64($0)) }
    }

    /// A fresh layer with a warmed-up α, so that the backward pass really solves (α₀ = 0 would skip it).
    public func makeLayer() -> DifferentiableSolverLayer<TopK> {
        let estimator: any GradientEstimator = .aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.5))
        return DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: Self.samples, seed: 3)
    }

    /// One forward + backward pass of `layer`; returns a value to keep the work alive.
    public func layerPass(_ layer: inout DifferentiableSolverLayer<TopK>) throws -> Float {
        let (z, tape) = try layer.forward(theta)
        return z.values[0] + (try layer.backward(upstream, tape)).values[0]
    }

    /// The three batched solves of B · S rows; returns a value to keep the work alive.
    public func solverCalls() throws -> Float {
        var sink: Float = 0
        for input in perturbed { sink += try solver.solveBatch(input).values[0] }
        return sink
    }

    static func normalMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { _ in Float(generator.nextNormal()) })
    }
}
