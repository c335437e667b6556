import DifferentiableSolvers
import Dispatch
import GLPKSolver
import Synchronization
import Testing
import _TestSupport

@Suite("GLPK state is per thread")
struct ThreadIsolationTests {
    @Test("GLPK failures and file errors on some threads leave other threads' workspaces intact")
    func failuresStayOnTheirThread() throws {
        var rng = SeededGenerator(seed: 31)
        let (program, _, _) = ILPInstances.knapsack(items: 12, dimensions: 2, using: &rng)
        let solver = try LinearProgramSolver(model: program)
        let thetas = (0..<40).map { _ in ILPInstances.uniform(12, -1, 5, using: &rng) }
        let expected = try thetas.map { try solver.solveReportingStatus($0).values }
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let badFile = try fixtures.write("bad.lp", ModelFileFixtures.malformedLP.text)
        let problems = Mutex<[String]>([])

        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            var workspace = solver.makeWorkspace()
            for round in 0..<3 {
                for (index, theta) in thetas.enumerated() {
                    if worker % 2 == 1 && index % 5 == 0 {
                        // This thread's GLPK environment is reset; its workspace must rebuild.
                        if GLPKFailureProbe.provokeLibraryFailure() == nil {
                            problems.withLock { $0.append("worker \(worker): no failure provoked") }
                        }
                        if (try? LinearProgram(contentsOf: badFile, format: .cplexLP)) != nil {
                            problems.withLock { $0.append("worker \(worker): malformed file accepted") }
                        }
                    }
                    do {
                        let values = try solver.solveReportingStatus(theta, workspace: &workspace).values
                        if values != expected[index] {
                            problems.withLock { $0.append("worker \(worker) round \(round) θ \(index): \(values)") }
                        }
                    } catch {
                        problems.withLock { $0.append("worker \(worker) round \(round) θ \(index): \(error)") }
                    }
                }
            }
        }
        #expect(problems.withLock { $0 } == [])
    }
}
