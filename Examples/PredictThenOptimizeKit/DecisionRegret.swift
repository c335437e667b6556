import DifferentiableSolvers
import _ExampleSupport

/// Regret of decisions taken with predicted costs, as PyEPO's `pyepo.metric.regret`
/// measures it: the decision ẑ = argopt ⟨z, ĉ⟩ is scored with the true costs c.
///
/// For minimisation the regret of an instance is ⟨ẑ, c⟩ − z*, for maximisation
/// z* − ⟨ẑ, c⟩; both are ≥ 0. The normalised regret of a data set is
/// Σᵢ regretᵢ / Σᵢ |z*ᵢ|.
///
/// ```swift
/// let regret = try DecisionRegret.normalized(predicted: model.predict(test.features), data: test, solver: solver)
/// ```
public enum DecisionRegret {
    /// The regret of every instance of `decisions` (n × d) against the true costs and optima.
    public static func regrets(decisions: Matrix, costs: Matrix, objectives: [Float], sense: OptimizationSense) -> [Double] {
        let achieved = DecisionDataset.objectives(of: decisions, at: costs)
        return zip(achieved, objectives).map { value, optimum in
            sense == .minimize ? Double(value) - Double(optimum) : Double(optimum) - Double(value)
        }
    }

    /// Σ regret / Σ |z*| over `decisions`.
    public static func normalized(decisions: Matrix, data: DecisionDataset, sense: OptimizationSense) -> Double {
        let total = regrets(decisions: decisions, costs: data.costs, objectives: data.objectives, sense: sense).reduce(0, +)
        let scale = data.objectives.reduce(0) { $0 + abs(Double($1)) }
        return total / max(scale, 1e-12)
    }

    /// Solves with the predicted costs and returns the normalised regret.
    ///
    /// - Throws: ``ExampleError`` of kind `.solverFailed` when the solver rejects
    ///   a prediction.
    public static func normalized<Solver: MAPSolver>(predicted: Matrix, data: DecisionDataset, solver: Solver,
                                                     parallelism: Parallelism = .automatic) throws(ExampleError) -> Double {
        let decisions: Matrix
        do {
            decisions = try solver.solveBatch(predicted, parallelism: parallelism)
        } catch {
            throw ExampleError(.solverFailed, "solving with predicted costs: \(error)")
        }
        return normalized(decisions: decisions, data: data, sense: solver.sense)
    }
}
