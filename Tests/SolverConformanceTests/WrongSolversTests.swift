import CombinatorialSolvers
import DifferentiableSolvers
import SolverConformance
import Testing

// Deliberately broken argmax variants, one defect each: the kit must name the defect.

/// Always picks the first entry: feasible but not optimal.
struct FirstEntry: MAPSolver {
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { nil }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        for i in 0..<theta.count { z[i] = i == 0 ? 1 : 0 }
    }
}

/// Writes zeros: not a feasible one-hot state.
struct AllZeros: MAPSolver {
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { nil }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        for i in 0..<theta.count { z[i] = 0 }
    }
}

/// Writes only the winning entry and relies on the buffer being zeroed.
struct LazyWriter: MAPSolver {
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { nil }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        var best = 0
        for i in 0..<theta.count where theta[i] > theta[best] { best = i }
        z[best] = 1
    }
}

/// Ignores its declared sense (always maximises).
struct SenseBlind: MAPSolver {
    let sense: OptimizationSense
    var variableCount: Int? { nil }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace: inout Void) throws(SolverError) {
        var empty: Void = ()
        try Argmax().solve(theta, into: &z, workspace: &empty)
    }
}

/// Remembers the last row's answer in its workspace and returns it for equal-length rows
/// after the first: wrong only when a workspace is reused.
struct StaleWorkspace: MAPSolver {
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { nil }
    final class Memory { var last: [Float]? }
    func makeWorkspace() -> Memory { Memory() }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace: inout Memory) throws(SolverError) {
        if let last = workspace.last, last.count == theta.count, theta[0] == 1 {
            for i in 0..<theta.count { z[i] = last[i] }
            return
        }
        var empty: Void = ()
        try Argmax().solve(theta, into: &z, workspace: &empty)
        workspace.last = (0..<theta.count).map { z[$0] }
    }
}

/// Breaks ties towards the last index once its workspace has solved four rows: an answer
/// that depends on how a batch is split among workers (each worker has its own workspace),
/// which only a batch longer than the instance reveals.
///
/// (Solvers can no longer break the batch entry point itself — ignore the thread count,
/// skip validation, or report a bad length with the wrong kind: `solveBatch` is an
/// extension, not a requirement, so every batch is validated and solved row by row.)
struct ThreadDependent: MAPSolver {
    var sense: OptimizationSense { .maximize }
    var variableCount: Int? { nil }
    func makeWorkspace() -> Int { 0 }
    func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>, workspace solved: inout Int) throws(SolverError) {
        var empty: Void = ()
        try Argmax().solve(theta, into: &z, workspace: &empty)
        solved += 1
        guard solved > 4 else { return }
        var largest = -Float.infinity, last = 0
        for i in 0..<theta.count where theta[i] >= largest { largest = theta[i]; last = i }
        for i in 0..<theta.count { z[i] = i == last ? 1 : 0 }
    }
}

@Suite("The conformance kit catches broken solvers")
struct WrongSolversTests {
    func instances<Solver: MAPSolver>(_ solver: Solver, opposite: Solver? = nil, length: Int? = nil)
        -> (inout SeededGenerator) throws -> ConformanceInstance<Solver>
    {
        { rng in
            let n = length ?? 2 + Int(rng.next() % 6)
            var rows = RandomTheta.rows(4, length: n, using: &rng)
            rows[0][0] = 1  // a row starting with 1, for StaleWorkspace
            rows[1] = [Float](repeating: 1, count: n)  // all ties
            return ConformanceInstance(solver: solver, theta: rows, feasibleStates: ExhaustiveSearch.oneHotVectors(length: n),
                                       oppositeSense: opposite)
        }
    }

    func expectFailure<Solver: MAPSolver>(_ expected: ConformanceCheck, _ solver: Solver, opposite: Solver? = nil,
                                          length: Int? = nil) {
        do throws(ConformanceFailure) {
            let report = try SolverConformance.check(ConformanceConfiguration(instanceCount: 20),
                                                     instances: instances(solver, opposite: opposite, length: length))
            Issue.record("\(Solver.self) passed: \(report)")
        } catch {
            #expect(error.check == expected, "\(Solver.self): \(error)")
            #expect(error.instance != nil)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("a suboptimal solver fails optimality")
    func suboptimal() { expectFailure(.optimality, FirstEntry()) }

    @Test("an infeasible solver fails feasibility")
    func infeasible() { expectFailure(.feasibility, AllZeros()) }

    @Test("a solver that leaves entries unwritten fails completeWrites")
    func lazy() throws {
        // The default batch solves each row into zero-filled output, so the batch looks
        // feasible; the prefilled-buffer check catches the unwritten entries.
        expectFailure(.completeWrites, LazyWriter())
        let single = ConformanceInstance(solver: LazyWriter(), theta: [[0.5, 2, -1]],
                                         feasibleStates: ExhaustiveSearch.oneHotVectors(length: 3))
        #expect(throws: ConformanceFailure.self) { try SolverConformance.check(single) }
        do throws(ConformanceFailure) { try SolverConformance.check(single) } catch { #expect(error.check == .completeWrites) }
    }

    @Test("a solver ignoring its sense fails optimality, or sense when only the opposite form is wrong")
    func senseBlind() {
        expectFailure(.optimality, SenseBlind(sense: .minimize))
        expectFailure(.sense, SenseBlind(sense: .maximize), opposite: SenseBlind(sense: .minimize))
    }

    @Test("a solver whose workspace leaks between rows fails batchConsistency")
    func stale() { expectFailure(.batchConsistency, StaleWorkspace()) }

    @Test("a solver whose answer depends on how the batch is split among workers fails threadIndependence")
    func threads() { expectFailure(.threadIndependence, ThreadDependent()) }

    @Test("a setup without feasible states is reported as a setup failure")
    func setup() {
        let instance = ConformanceInstance(solver: Argmax(), theta: [[1, 2]], feasibleStates: [])
        #expect(throws: ConformanceFailure(nil, "the instance has no feasible states", instance: 0)) {
            try SolverConformance.check(instance)
        }
    }
}
