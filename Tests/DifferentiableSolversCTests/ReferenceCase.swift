@testable import DifferentiableSolversC
import DifferentiableSolvers
import Foundation
import SolverRegistry
import DsolveCore

/// A layer configuration named twice: as the strings a C or Python caller passes, and as the
/// Swift values a Swift user writes — so that the ABI's results can be compared with the
/// Swift layer's, and recorded for the Python tests.
struct ReferenceCase: Sendable {
    /// The settings as strings and numbers.
    var settings: LayerSettings
    var rows: Int
    /// Adaptive IMLE's α at the start (restored before the first pass), so that the few passes
    /// recorded already have non-zero gradients; `nil` leaves the estimator's α₀.
    var initialAlpha: Double? = nil
    /// The Swift values the strings stand for.
    var swiftEstimator: any GradientEstimator
    var swiftNoise: NoiseDistribution

    static let all: [ReferenceCase] = [
        ReferenceCase(
            settings: LayerSettings(solver: "shortest-path.grid", options: ["height": 3, "width": 3], estimator: "aimle-central",
                                    noise: "gumbel", samples: 4, seed: 7, floor: 0, mean: false),
            rows: 3, initialAlpha: 1, swiftEstimator: AdaptiveIMLE(scheme: .central), swiftNoise: .gumbel),
        ReferenceCase(
            settings: LayerSettings(solver: "top-k", options: ["k": 2], estimator: "imle:20",
                                    noise: "sum-of-gamma:2", samples: 3, seed: 11, floor: nil, mean: true),
            rows: 2, swiftEstimator: IMLE(lambda: 20, scheme: .forward), swiftNoise: .sumOfGamma(k: 2, iterations: 10)),
        ReferenceCase(
            settings: LayerSettings(solver: "argmax", options: [:], estimator: "perturbed-optimizer",
                                    noise: "normal", samples: 20, seed: 3, floor: nil, mean: true),
            rows: 3, swiftEstimator: PerturbedOptimizer(), swiftNoise: .normal),
        ReferenceCase(
            settings: LayerSettings(solver: "spanning-tree.kruskal", options: ["vertices": 4], estimator: "aimle-forward:2",
                                    noise: "sum-of-gamma:3:5", samples: 2, seed: 5, floor: nil, mean: false),
            rows: 2, initialAlpha: 0.5, swiftEstimator: AdaptiveIMLE(scheme: .forward, targetNonZeros: 2),
            swiftNoise: .sumOfGamma(k: 3, iterations: 5)),
    ]

    /// The state restored before the first pass, if any.
    var initialState: LayerCheckpoint? {
        initialAlpha.map { LayerCheckpoint(step: 0, adaptive: AdaptiveState.Snapshot(alpha: $0, nonZeroAverage: 1)) }
    }

    /// The Swift layer the strings describe.
    func swiftLayer(threads: Int) throws -> DifferentiableSolverLayer<AnyMAPSolver> {
        let solver = try DefaultSolverRegistry.make().makeSolver(named: settings.solver, options: settings.options)
        let layer = DifferentiableSolverLayer(solver: solver, estimator: swiftEstimator, noise: swiftNoise,
                                              samples: settings.samples, seed: settings.seed, parallelism: .threads(threads),
                                              perturbationFloor: settings.floor)
        if let initialState { layer.adaptiveState.restore(initialState.adaptive) }
        return layer
    }

    /// θ for step `step`: standard normal entries, folded into the solver's parameter domain.
    func theta(step: Int, columns: Int, domain: ParameterDomain) -> Matrix {
        var generator = SeededGenerator(seed: settings.seed &+ 1000 &* UInt64(step + 1))
        return Matrix(stacking: (0..<rows).map { _ in domain.randomValues(count: columns, using: &generator) })
    }

    /// ∂L/∂z of the loss Σ ½‖z − b‖² with b_j = 0.4 · (j mod 3).
    static func upstream(_ z: Matrix) -> Matrix {
        Matrix(rows: z.rows, columns: z.columns,
               values: z.values.indices.map { z.values[$0] - 0.4 * Float(($0 % z.columns) % 3) })
    }
}
