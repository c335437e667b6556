/// The perturbed Fenchel–Young loss of a batch and its gradient (Berthet et al. 2020, §4).
///
/// For targets y (known optimal structures, one per row), with φ = sense · θ and the
/// layer's noise and temperature σ:
///
///     L(θ; y) = E[max_z ⟨z, φ + σZ⟩ − ⟨y, φ + σZ⟩] ≥ 0,    ∇θ L = sense · (E[MAP(φ + σZ)] − y).
///
/// Every Monte-Carlo term is non-negative because z maximises ⟨·, φ + σZ⟩ over the feasible
/// set, which contains y (or whose convex hull does); the loss tends to 0 when θ makes y
/// the solution under every perturbation. It is the Fenchel–Young loss F(φ) + Ω(y) − ⟨φ, y⟩
/// up to the constant σ⟨E[Z], y⟩, so its gradient is the perturbed mean minus the target.
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
        let n = theta.columns, count = tape.sampleCount, sign = solver.sense.sign
        var values = [Float](repeating: 0, count: theta.rows)
        var mean = Matrix(rows: theta.rows, columns: n)
        var gradient = Matrix(rows: theta.rows, columns: n)
        for b in 0..<theta.rows {
            var total = 0.0
            for s in 0..<count {
                let sample = b * count + s
                for j in 0..<n {
                    let perturbed = Double(sign * theta[b, j]) + Double(forwardTemperature) * Double(tape.noise[sample, j])
                    total += (Double(samples[sample, j]) - Double(targets[b, j])) * perturbed
                    mean[b, j] += samples[sample, j] / Float(count)
                }
            }
            values[b] = Float(total / Double(count))
            for j in 0..<n { gradient[b, j] = sign * (mean[b, j] - targets[b, j]) }
        }
        return FenchelYoungLoss(values: values, gradient: gradient, perturbedMean: mean)
    }
}
