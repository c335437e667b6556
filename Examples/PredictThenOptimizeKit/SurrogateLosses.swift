import DifferentiableSolvers

/// The plain losses the methods put on top of the solver, as PyEPO's tutorials pair them:
/// mean squared error (two-stage on costs, DPO on solutions), the absolute regret
/// `nn.L1Loss()(⟨ŵ, c⟩, z*)` (DBB, NID) and the absolute solution error
/// `nn.L1Loss()(ŵ, w*)` (I-MLE, AI-MLE).
///
/// ```swift
/// let (loss, gradient) = SurrogateLosses.absoluteRegret(decisions: w, batch: batch)
/// ```
public enum SurrogateLosses {
    /// mean over all entries of (x − y)² and its gradient 2(x − y) / (rows · columns).
    public static func meanSquaredError(_ predicted: Matrix, target: Matrix) -> (loss: Double, gradient: Matrix) {
        let count = Float(max(predicted.values.count, 1))
        var loss = 0.0
        var gradient = predicted
        for i in predicted.values.indices {
            let difference = predicted.values[i] - target.values[i]
            loss += Double(difference) * Double(difference)
            gradient.values[i] = 2 * difference / count
        }
        return (loss / Double(count), gradient)
    }

    /// mean over rows of |⟨wᵢ, cᵢ⟩ − z*ᵢ| and its gradient sign(⟨wᵢ, cᵢ⟩ − z*ᵢ) · cᵢ / B with
    /// respect to the decisions w (sign(0) = 0, as in PyTorch).
    public static func absoluteRegret(decisions: Matrix, batch: DecisionDataset) -> (loss: Double, gradient: Matrix) {
        let achieved = DecisionDataset.objectives(of: decisions, at: batch.costs)
        let rows = Float(max(batch.count, 1))
        var loss = 0.0
        var gradient = Matrix(rows: decisions.rows, columns: decisions.columns)
        for i in 0..<batch.count {
            let gap = achieved[i] - batch.objectives[i]
            loss += abs(Double(gap))
            let sign: Float = gap > 0 ? 1 : (gap < 0 ? -1 : 0)
            for j in 0..<decisions.columns { gradient[i, j] = sign * batch.costs[i, j] / rows }
        }
        return (loss / Double(rows), gradient)
    }

    /// mean over all entries of |ŵ − w*| and its gradient sign(ŵ − w*) / (rows · columns)
    /// (sign(0) = 0).
    public static func absoluteSolutionError(_ decisions: Matrix, target: Matrix) -> (loss: Double, gradient: Matrix) {
        let count = Float(max(decisions.values.count, 1))
        var loss = 0.0
        var gradient = decisions
        let (up, down) = (1 / count, -1 / count)
        precondition(decisions.values.count == target.values.count, "decisions and target differ in size")
        decisions.values.withUnsafeBufferPointer { d in
            target.values.withUnsafeBufferPointer { t in
                gradient.values.withUnsafeMutableBufferPointer { g in
                    for i in 0 ..< d.count {
                        let difference = d[i] - t[i]
                        loss += abs(Double(difference))
                        g[i] = difference > 0 ? up : (difference < 0 ? down : 0)
                    }
                }
            }
        }
        return (loss / Double(count), gradient)
    }
}
