/// The straight-through estimator (Bengio et al. 2013): the solver is treated as the map
/// φ ↦ z, so ∂L/∂θ = sense · ∂L/∂z (summed over the samples, or averaged for mean output).
/// Cheap and biased; a baseline.
///
/// ```swift
/// let estimator: any GradientEstimator = .straightThrough
/// ```
public struct StraightThrough: GradientEstimator, Hashable, Codable {
    /// Creates the estimator.
    public init() {}

    /// "STE".
    public var name: String { "STE" }

    /// σ · (the vector–Jacobian product of the identity).
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let n = pass.variableCount, upstream = pass.upstream
        var gradient = [Float](repeating: 0, count: pass.batchSize * n)
        let scale = pass.sign * pass.sampleReduction
        for b in 0..<pass.batchSize {
            for s in 0..<pass.sampleCount {
                let dy = upstream.offset(row: b, sample: s)
                for j in 0..<n { gradient[b * n + j] += scale * upstream.values[dy + j] }
            }
        }
        return BackwardEstimate(gradient: Matrix(rows: pass.batchSize, columns: n, values: gradient))
    }
}

extension GradientEstimator where Self == StraightThrough {
    /// The straight-through estimator.
    public static var straightThrough: StraightThrough { StraightThrough() }
}
