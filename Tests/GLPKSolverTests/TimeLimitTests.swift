import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Time limits and MIP gaps")
struct TimeLimitTests {
    /// A market-split instance (Cornuéjols & Dawande 1999), optimisation version: choose
    /// x ∈ {0,1}ⁿ so that Σⱼ aᵢⱼ xⱼ comes as close as possible to bᵢ = ⌊Σⱼ aᵢⱼ / 2⌋ in every
    /// row, the total deviation measured by continuous slacks s⁺, s⁻ ≥ 0. Always feasible,
    /// notoriously hard to prove optimal by branch-and-bound. θ = (0 for x, 1 for slacks).
    static func marketSplit(rows m: Int, using rng: inout SeededGenerator) -> (LinearProgram, [Float]) {
        let n = 10 * (m - 1)
        let variables = Array(repeating: LinearProgram.Variable.binary(), count: n)
            + Array(repeating: LinearProgram.Variable.continuous(), count: 2 * m)
        let constraints = (0..<m).map { i in
            let a = (0..<n).map { _ in Double(Int.random(in: 0...99, using: &rng)) }
            let target = (a.reduce(0, +) / 2).rounded(.down)
            let terms = a.indices.map { LinearProgram.Term($0, a[$0]) }
                + [LinearProgram.Term(n + 2 * i, 1), LinearProgram.Term(n + 2 * i + 1, -1)]
            return LinearProgram.Constraint(terms: terms, bounds: .exactly(target))
        }
        let program = LinearProgram(sense: .minimize, variables: variables, constraints: constraints)
        return (program, Array(repeating: 0, count: n) + Array(repeating: 1, count: 2 * m))
    }

    /// Whether `z` satisfies every constraint of `program` within `tolerance`.
    static func isFeasible(_ z: [Float], for program: LinearProgram, tolerance: Double = 1e-6) -> Bool {
        program.constraints.allSatisfy { constraint in
            let value = constraint.terms.reduce(0) { $0 + $1.coefficient * Double(z[$1.variable]) }
            return value >= constraint.bounds.lower - tolerance && value <= constraint.bounds.upper + tolerance
        }
    }

    @Test("without acceptance, a solve stopped by the time limit throws .limitReached")
    func limitThrows() throws {
        var rng = SeededGenerator(seed: 1)
        let (program, theta) = Self.marketSplit(rows: 4, using: &rng)
        let solver = try LinearProgramSolver(model: program, options: GLPKOptions(timeLimit: .milliseconds(20)))
        let error = #expect(throws: SolverError.self) { try solver.solve(row: theta) }
        #expect(error?.kind == .limitReached, "\(error?.description ?? "")")
        try BadInputTests.expectGLPKStillWorks()
    }

    @Test("with acceptance, the best feasible solution comes back flagged as unproven")
    func limitAccepted() throws {
        var rng = SeededGenerator(seed: 1)
        let (program, theta) = Self.marketSplit(rows: 4, using: &rng)
        let options = GLPKOptions(timeLimit: .milliseconds(200), acceptsFeasibleOnLimit: true)
        let solver = try LinearProgramSolver(model: program, options: options)
        do {
            let result = try solver.solveReportingStatus(theta)
            #expect(result.termination == .limitReached)
            #expect(!result.isProvenOptimal)
            #expect(Self.isFeasible(result.values, for: program))
            #expect(result.values.prefix(30).allSatisfy { $0 == 0 || $0 == 1 })
            let z = try solver.solve(row: theta)
            #expect(Self.isFeasible(z, for: program))
        } catch {
            // A heavily loaded machine may find no incumbent in time; that must be the reason.
            #expect(error.kind == .limitReached, "\(error)")
        }
    }

    @Test("a MIP gap returns a solution within the gap of the optimum")
    func mipGap() throws {
        var rng = SeededGenerator(seed: 9)
        let gap = 0.05
        for instance in 0..<100 {
            let (program, weights, capacities) = ILPInstances.knapsack(items: 30, dimensions: 1, using: &rng)
            let theta = ILPInstances.uniform(30, 0, 10, using: &rng)
            let solver = try LinearProgramSolver(model: program, options: GLPKOptions(relativeMIPGap: gap))
            let result = try solver.solveReportingStatus(theta)
            let truth = KnapsackDynamicProgram.optimum(values: theta.map(Double.init), weights: weights[0],
                                                       capacity: capacities[0])
            let value = BruteForce.objective(result.values, theta)
            #expect(result.termination != .limitReached, "instance \(instance)")
            #expect(value <= truth * (1 + 1e-9) && value >= truth / (1 + gap) - 1e-6,
                    "instance \(instance): \(value) vs optimum \(truth)")
            #expect(KnapsackPropertyTests.isFeasible(result.values, weights: weights, capacities: capacities))
            #expect(try solver.solve(row: theta) == result.values, "instance \(instance)")
        }
    }
}
