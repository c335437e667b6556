import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Assignment as an ILP and as an LP agrees with brute force over permutations")
struct AssignmentPropertyTests {
    /// The permutations of 0..<n, for n = 0...7.
    static let permutations: [[[Int]]] = (0...7).map { BruteForce.permutations(of: $0) }

    @Test("n × n assignment (n = 2…7) agrees in optimal value on 500 instances",
          arguments: [VariableKind.binary, .continuous])
    func agreesWithBruteForce(kind: VariableKind) throws {
        var rng = SeededGenerator(seed: 7, stream: [kind == .binary ? 1 : 2])
        for instance in 0..<500 {
            let n = 2 + instance % 6
            let sense: OptimizationSense = instance % 2 == 0 ? .maximize : .minimize
            let theta = ILPInstances.uniform(n * n, -5, 5, using: &rng)
            let solver = try LinearProgramSolver(model: ILPInstances.assignment(size: n, kind: kind, sense: sense))
            let z = try solver.solve(row: theta)
            let truth = ILPBruteForce.assignmentOptimum(theta: theta, permutations: Self.permutations[n], sense: sense)
            #expect(Self.isPermutationMatrix(z, size: n), "instance \(instance): z is not a permutation matrix")
            #expect(isApproximatelyEqual(BruteForce.objective(z, theta), truth, relative: 1e-5),
                    "instance \(instance): GLPK \(BruteForce.objective(z, theta)) vs brute force \(truth)")
        }
    }

    static func isPermutationMatrix(_ z: [Float], size n: Int) -> Bool {
        z.allSatisfy { $0 == 0 || $0 == 1 }
            && (0..<n).allSatisfy { i in (0..<n).reduce(0) { $0 + z[i * n + $1] } == 1 }
            && (0..<n).allSatisfy { j in (0..<n).reduce(0) { $0 + z[$1 * n + j] } == 1 }
    }
}
