import CombinatorialSolvers
import DifferentiableSolvers
import GLPKSolver
import _ExampleSupport

/// The two oracles of the knapsack benchmark: an integer program for any number of
/// resources (GLPK branch-and-cut) and, for a single resource, the native
/// dynamic-programming ``Knapsack``.
///
/// ```swift
/// let ilp = try KnapsackSolvers.integerProgram(weightHundredths: data.weightHundredths, capacity: 20)
/// let dp = try KnapsackSolvers.dynamicProgram(weightHundredths: data.weightHundredths, capacity: 20)
/// ```
public enum KnapsackSolvers {
    /// maximise ⟨θ, z⟩ subject to Σᵢ wᵣᵢ zᵢ ≤ capacity for every resource r, z ∈ {0, 1}ᵐ.
    ///
    /// - Parameters:
    ///   - weightHundredths: resources × items weights in hundredths.
    ///   - capacity: the capacity of every resource, in the weights' unit (PyEPO's `caps`).
    /// - Throws: ``ExampleError`` for a capacity below 0 or a GLPK model error.
    public static func integerProgram(weightHundredths: Matrix, capacity: Double) throws(ExampleError) -> LinearProgramSolver {
        try checkCapacity(capacity)
        let constraints = (0..<weightHundredths.rows).map { r in
            LinearProgram.Constraint(dense: weightHundredths.row(r).map { Double($0) / 100 }, bounds: .atMost(capacity))
        }
        let program = LinearProgram(sense: .maximize,
                                    variables: Array(repeating: .binary(), count: weightHundredths.columns),
                                    constraints: constraints)
        do {
            return try LinearProgramSolver(model: program)
        } catch {
            throw ExampleError(.solverFailed, "GLPK rejected the knapsack model: \(error)")
        }
    }

    /// The single-resource knapsack by dynamic programming over hundredths.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for more than one
    ///   resource or a capacity that is not a whole number of hundredths.
    public static func dynamicProgram(weightHundredths: Matrix, capacity: Double) throws(ExampleError) -> Knapsack {
        try checkCapacity(capacity)
        guard weightHundredths.rows == 1 else {
            throw ExampleError(.invalidArgument,
                                           "the dynamic-programming knapsack has one resource; this instance has \(weightHundredths.rows)")
        }
        let scaled = capacity * 100
        guard abs(scaled - scaled.rounded()) < 1e-6 else {
            throw ExampleError(.invalidArgument, "the capacity \(capacity) is not a whole number of hundredths")
        }
        do {
            return try Knapsack(weights: weightHundredths.values.map { Int($0) }, capacity: Int(scaled.rounded()))
        } catch {
            throw ExampleError(.solverFailed, "\(error)")
        }
    }

    static func checkCapacity(_ capacity: Double) throws(ExampleError) {
        guard capacity.isFinite, capacity >= 0 else {
            throw ExampleError(.invalidArgument, "the capacity must be finite and ≥ 0 (got \(capacity))")
        }
    }
}
