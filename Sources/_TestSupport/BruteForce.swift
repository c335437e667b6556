import DifferentiableSolvers
import SolverConformance

/// Brute-force MAP by enumeration: the independent truth solver tests compare against.
///
/// Give it every feasible state of a small instance; it returns the optimal objective and
/// all optimal states (ties included), so a test can accept any optimal answer.
public enum BruteForce {
    /// The optimum of ⟨z, θ⟩ over `states` in the given sense, with every state attaining it
    /// within `tolerance` (relative to the magnitude of the optimum).
    public static func optimum(
        of theta: [Float], over states: [[Float]], sense: OptimizationSense, tolerance: Double = 1e-9
    ) -> (value: Double, optimalStates: [[Float]]) {
        precondition(!states.isEmpty, "BruteForce needs at least one feasible state")
        let values = states.map { objective($0, theta) }
        let best = sense == .maximize ? values.max()! : values.min()!
        let slack = tolerance * max(1, abs(best))
        let optimal = zip(states, values).filter { abs($0.1 - best) <= slack }.map(\.0)
        return (best, optimal)
    }

    /// ⟨z, θ⟩ in double precision.
    public static func objective(_ z: [Float], _ theta: [Float]) -> Double {
        zip(z, theta).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// All 0/1 vectors of length `n` (2ⁿ of them), optionally filtered: SolverConformance's
    /// enumeration, with its length limit as a precondition (a test asking for more is wrong).
    public static func binaryVectors(length n: Int, where keep: ([Float]) -> Bool = { _ in true }) -> [[Float]] {
        do {
            return try ExhaustiveSearch.binaryVectors(length: n, where: keep)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// All permutations of `0..<n` (n! of them).
    public static func permutations(of n: Int) -> [[Int]] {
        precondition(n <= 9, "\(n)! permutations are too many to enumerate")
        var result: [[Int]] = []
        var current = Array(0..<n)
        func permute(_ k: Int) {
            if k == n { result.append(current); return }
            for i in k..<n {
                current.swapAt(k, i)
                permute(k + 1)
                current.swapAt(k, i)
            }
        }
        permute(0)
        return result
    }
}
