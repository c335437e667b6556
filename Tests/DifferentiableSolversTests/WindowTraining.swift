import DifferentiableSolvers

/// A solver a user might write outside the package: the best window of `width` consecutive
/// entries among `count`.
struct BestWindow: MAPSolver {
    let width: Int
    let count: Int
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { count }

    func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        var best = 0, bestScore = -Float.infinity
        for start in 0 ... count - width {
            var score: Float = 0
            for j in start ..< start + width { score += theta[j] }
            if score > bestScore { best = start; bestScore = score }
        }
        for j in 0..<count { solution[j] = j >= best && j < best + width ? 1 : 0 }
    }
}

/// The outcome of training θ of a ``BestWindow`` towards a target window.
struct WindowTrainingOutcome {
    /// Whether MAP(θ) is the target window after training.
    var reachedTarget: Bool
    /// α after training (adaptive IMLE).
    var finalAlpha: Double
    /// The largest α seen along the run.
    var largestAlpha: Double
}

/// Trains θ ∈ ℝ¹² (drawn from N(0, I) with `seed`) by plain gradient steps on
/// L(θ) = E‖z − t‖² with z = MAP(θ + ε), t the window at entries 6 … 8, and reports whether
/// MAP(θ) reaches t.
func trainWindow(estimator: any GradientEstimator, seed: UInt64, steps: Int = 300, samples: Int = 10,
                 learningRate: Float = 0.1) throws -> WindowTrainingOutcome {
    let solver = BestWindow(width: 3, count: 12)
    let target: [Float] = (0..<12).map { $0 >= 6 && $0 < 9 ? 1 : 0 }
    var theta = normalMatrix(rows: 1, columns: 12, seed: seed)
    var layer = DifferentiableSolverLayer(solver: solver, estimator: estimator, noise: .gumbel,
                                          samples: samples, seed: seed &+ 77, parallelism: .serial)
    var largest = 0.0
    for _ in 0..<steps {
        let (z, tape) = try layer.forward(theta)
        var dLdz = squaredDistanceGradient(z, target)
        for i in dLdz.values.indices { dLdz.values[i] /= Float(samples) }
        let gradient = try layer.backward(dLdz, tape)
        for j in theta.values.indices { theta.values[j] -= learningRate * gradient.values[j] }
        largest = max(largest, layer.adaptiveState.snapshot.alpha)
    }
    let map = try solver.solve(row: theta.values)
    return WindowTrainingOutcome(reachedTarget: map == target, finalAlpha: layer.adaptiveState.snapshot.alpha,
                                 largestAlpha: largest)
}
