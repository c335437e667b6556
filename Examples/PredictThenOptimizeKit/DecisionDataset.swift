import DifferentiableSolvers
import _ExampleSupport

/// Features, true costs, optimal decisions and optimal objectives: PyEPO's `optDataset`
/// (x, c, w, z).
///
/// ```swift
/// let solver = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
/// let data = try DecisionDataset(features: pairs.features, costs: pairs.costs, solver: solver)
/// data.objectives[0]     // ⟨w₀, c₀⟩
/// ```
public struct DecisionDataset: Sendable {
    /// n × p features.
    public var features: Matrix
    /// n × d true costs.
    public var costs: Matrix
    /// n × d optimal decisions w* for the true costs.
    public var solutions: Matrix
    /// The n optimal objectives z* = ⟨w*, c⟩.
    public var objectives: [Float]

    /// The number of instances.
    public var count: Int { features.rows }

    /// Labels features and costs with the solver's optimal decisions.
    ///
    /// - Throws: ``ExampleError`` for features and costs of different lengths,
    ///   costs whose width the solver rejects, or a solver failure.
    public init<Solver: MAPSolver>(features: Matrix, costs: Matrix, solver: Solver) throws(ExampleError) {
        guard features.isConsistent, costs.isConsistent, features.rows == costs.rows else {
            throw ExampleError(.shapeMismatch,
                                           "features (\(features.rows) × \(features.columns)) and costs (\(costs.rows) × \(costs.columns)) must have one row per instance")
        }
        let solutions: Matrix
        do {
            solutions = try solver.solveBatch(costs)
        } catch {
            throw ExampleError(.solverFailed, "labelling the data: \(error)")
        }
        self.init(features: features, costs: costs, solutions: solutions,
                  objectives: Self.objectives(of: solutions, at: costs))
    }

    /// Wraps arrays that are already labelled.
    public init(features: Matrix, costs: Matrix, solutions: Matrix, objectives: [Float]) {
        self.features = features
        self.costs = costs
        self.solutions = solutions
        self.objectives = objectives
    }

    /// ⟨decisionᵢ, costᵢ⟩ for every row, in double precision.
    public static func objectives(of decisions: Matrix, at costs: Matrix) -> [Float] {
        (0..<costs.rows).map { i in
            var total = 0.0
            for j in 0..<costs.columns { total += Double(decisions[i, j]) * Double(costs[i, j]) }
            return Float(total)
        }
    }

    /// The instances at `indices`, in that order.
    public func subset(_ indices: [Int]) -> DecisionDataset {
        func rows(_ m: Matrix) -> Matrix {
            Matrix(rows: indices.count, columns: m.columns, values: indices.flatMap { m.row($0) })
        }
        return DecisionDataset(features: rows(features), costs: rows(costs), solutions: rows(solutions),
                               objectives: indices.map { objectives[$0] })
    }
}
