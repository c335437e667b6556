import DifferentiableSolvers
@testable import GLPKSolver
import Testing
import _TestSupport
#if canImport(Glibc)
import Glibc

/// A GLPK workspace outlives the thread that built its problem; later threads, which the
/// system may give the exited thread's `pthread_t`, must not take the problem for their own.
@Suite("GLPK problems belong to a thread identity that is never reused")
struct ThreadIdentityTests {
    /// Shared mutable state for the threads of one test; each thread runs alone (joined).
    final class Shared: @unchecked Sendable {
        var workspace = GLPKWorkspace()
        var usable: [Bool] = []
        var values: [[Float]] = []
    }

    /// Runs `body` on a new POSIX thread, waits for the thread to exit, and returns its
    /// `pthread_t` (which the next thread created often receives again).
    static func onJoinedThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        final class Task { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let context = Unmanaged.passRetained(Task(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Task>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Task>.fromOpaque(context).release()
            return nil
        }
        pthread_join(thread, nil)
        return thread
    }

    /// A one-constraint knapsack of `items` items and a θ for it, drawn from `seed`.
    static func knapsack(items: Int, seed: UInt64) throws -> (LinearProgramSolver, [Float]) {
        var rng = SeededGenerator(seed: seed)
        let (program, _, _) = ILPInstances.knapsack(items: items, dimensions: 1, using: &rng)
        return (try LinearProgramSolver(model: program), ILPInstances.uniform(items, -1, 5, using: &rng))
    }

    @Test("a problem built on an exited thread is not usable on any later thread, which rebuilds its own")
    func exitedThreadsProblemIsNotAdopted() throws {
        let (solver, theta) = try Self.knapsack(items: 8, seed: 5)
        let expected = try solver.solveReportingStatus(theta).values
        let shared = Shared()
        let task: @Sendable () -> Void = {
            let before = shared.workspace.problem?.isUsableOnCurrentThread ?? false
            shared.usable.append(before)
            shared.values.append((try? solver.solveReportingStatus(theta, workspace: &shared.workspace).values) ?? [])
        }
        let threads = (0 ..< 6).compactMap { _ in Self.onJoinedThread(task) }
        try #require(threads.count == 6, "could not create POSIX threads")
        // The first thread found no problem; every later thread found one built by an exited
        // thread. glibc normally hands the joined thread's pthread_t to the next one: the case
        // that identifying threads by pthread_t got wrong.
        let reused = threads.dropFirst().contains { pthread_equal($0, threads[0]) != 0 }
        #expect(shared.usable == Array(repeating: false, count: 6), "pthread_t reused: \(reused)")
        #expect(shared.values == Array(repeating: expected, count: 6))
    }

    @Test("a thread that exits while its problem lives on frees its GLPK environment")
    func exitedThreadsEnvironmentIsFreed() throws {
        let (solver, theta) = try Self.knapsack(items: 6, seed: 6)
        let shared = Shared()
        let before = GLPKProblem.environmentsFreedAtThreadExit
        let thread = Self.onJoinedThread {
            shared.values.append((try? solver.solveReportingStatus(theta, workspace: &shared.workspace).values) ?? [])
        }
        try #require(thread != nil, "could not create a POSIX thread")
        // The workspace still holds the problem, which only its (exited) thread could free: the
        // environment went with the thread instead of leaking (LeakSanitizer counted one
        // environment per thread of the test above before).
        #expect(shared.workspace.problem != nil && shared.values.first?.isEmpty == false)
        #expect(GLPKProblem.environmentsFreedAtThreadExit > before)
    }
}
#endif
