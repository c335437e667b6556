/// The perturbed Fenchel–Young loss of a batch and its gradient (Berthet et al. 2020, §4).
///
/// For targets y (known optimal structures, one per row), with the layer's noise Z and
/// temperature σ, let η be the parameters the solver actually receives in the forward pass —
/// θ + sense·σZ, or θ ∘ exp(sense·σZ − σ²/2) for the multiplicative perturbed optimiser, in
/// both cases raised to the layer's ``DifferentiableSolverLayer/perturbationFloor`` when set —
/// and φ = sense · η (the maximisation form). The value is
///
///     L(θ; y) = E[max_z ⟨z, φ⟩ − ⟨y, φ⟩] ≥ 0,
///
/// estimated on the layer's S samples, whose z are exactly the maximisers of ⟨·, φ⟩. Every
/// Monte-Carlo term is non-negative because the feasible set contains y (or its convex hull
/// does); the loss tends to 0 when θ makes y the solution under every perturbation. For the
/// additive form without a floor it is the Fenchel–Young loss F(sense·θ) + Ω(y) − ⟨sense·θ, y⟩
/// up to the constant σ⟨E[Z], y⟩.
///
/// The gradient is Berthet et al.'s ∇θ L = sense · (E[MAP(η)] − y), the perturbed mean minus
/// the target; it is the exact gradient of the value for the additive form without a floor,
/// and the estimate the paper (and google-research's `perturbations`) uses otherwise.
///
/// ```swift
/// var layer = DifferentiableSolverLayer(solver: solver, estimator: .perturbedOptimizer(.init()),
///                                       noise: .normal, samples: 10, forwardTemperature: 0.5)
/// let fy = try layer.fenchelYoungLoss(theta, targets: optimalSolutions)
/// fy.values; fy.gradient      // per-row losses, ∂L/∂θ
/// ```
public struct FenchelYoungLoss: Sendable {
    /// The loss of every row.
    public let values: [Float]
    /// ∂L/∂θ (B × n), for the sum of the row losses.
    public let gradient: Matrix
    /// The perturbed mean E[MAP(θ + σZ)] of every row (B × n).
    public let perturbedMean: Matrix
}

extension DifferentiableSolverLayer {
    /// The perturbed Fenchel–Young loss of θ against target structures, and its gradient.
    ///
    /// Draws the layer's S samples per row (advancing its step like a forward pass).
    ///
    /// - Parameters:
    ///   - theta: B × n parameters.
    ///   - targets: B × n target structures y.
    /// - Throws: ``LayerError`` for shapes that disagree, non-finite values, or a solver failure.
    public mutating func fenchelYoungLoss(_ theta: Matrix, targets: Matrix) throws(LayerError) -> FenchelYoungLoss {
        try Self.validate(targets, named: "targets", rows: theta.isConsistent ? theta.rows : nil,
                          columns: theta.isConsistent ? theta.columns : nil)
        let (samples, tape) = try forward(theta, output: .perSample)
        let n = theta.columns, count = tape.sampleCount, sign = Double(solver.sense.sign)
        let perturbation = ForwardPerturbation(self)
        var values = [Float](repeating: 0, count: theta.rows)
        var mean = Matrix(rows: theta.rows, columns: n)
        var gradient = Matrix(rows: theta.rows, columns: n)
        for b in 0..<theta.rows {
            var total = 0.0
            for s in 0..<count {
                let sample = b * count + s
                for j in 0..<n {
                    let solved = perturbation.solved(theta[b, j], noise: tape.noise[sample, j])
                    total += (Double(samples[sample, j]) - Double(targets[b, j])) * sign * Double(solved)
                    mean[b, j] += samples[sample, j] / Float(count)
                }
            }
            values[b] = Float(total / Double(count))
            for j in 0..<n { gradient[b, j] = Float(sign) * (mean[b, j] - targets[b, j]) }
        }
        return FenchelYoungLoss(values: values, gradient: gradient, perturbedMean: mean)
    }
}
