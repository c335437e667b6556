import DifferentiableSolvers

/// An estimator defined outside the core, against the public protocol only: straight-through
/// with the sign of ∂L/∂z, ∂L/∂θ = sense · Σ_s sign(∂L/∂z_s) (times 1/S for mean output).
/// It runs through every reliability fixture alongside the package's own estimators.
struct SignStraightThrough: GradientEstimator, Hashable {
    var name: String { "sign STE" }

    func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                     context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        var gradient = Matrix(rows: pass.batchSize, columns: pass.variableCount)
        let scale = pass.sign * pass.sampleReduction
        for b in 0..<pass.batchSize {
            for s in 0..<pass.sampleCount {
                for j in 0..<pass.variableCount {
                    let g = pass.upstream[row: b, sample: s, column: j]
                    gradient[b, j] += scale * (g > 0 ? 1 : g < 0 ? -1 : 0)
                }
            }
        }
        return BackwardEstimate(gradient: gradient)
    }
}

/// A test-defined estimator with a state: straight-through scaled by 1 / (1 + passes), where
/// the state counts the backward passes so far — enough to see the layer keep, share and
/// restore a user estimator's state.
struct DecayingStraightThrough: GradientEstimator {
    var name: String { "decaying STE" }

    func makeState() -> Int { 0 }

    func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Int,
                                     context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        var gradient = Matrix(rows: pass.batchSize, columns: pass.variableCount)
        let scale = pass.sign * pass.sampleReduction / Float(1 + state)
        for b in 0..<pass.batchSize {
            for s in 0..<pass.sampleCount {
                for j in 0..<pass.variableCount { gradient[b, j] += scale * pass.upstream[row: b, sample: s, column: j] }
            }
        }
        state += 1
        return BackwardEstimate(gradient: gradient)
    }
}
