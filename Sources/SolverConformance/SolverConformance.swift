import DifferentiableSolvers

/// The conformance kit: runs a solver on generated small instances and checks it against
/// brute force and against the `MAPSolver` contract.
///
/// It is framework-neutral: it throws a ``ConformanceFailure`` describing the first
/// violation, or returns a ``ConformanceReport``. The checks are listed in
/// ``ConformanceCheck``: feasibility and optimality against ``ExhaustiveSearch``, sense
/// handling (minimising θ equals maximising −θ), batch-versus-single consistency, complete
/// writes, determinism, thread-count independence, and typed errors for NaN, ±∞ and wrong
/// lengths. A solver that traps on bad input ends the test process, which fails the test
/// too.
///
/// ```swift
/// import Testing
/// import SolverConformance
///
/// @Test func topKConforms() throws {
///     try SolverConformance.check { rng in
///         let n = Int(rng.next() % 6) + 1, k = Int(rng.next() % UInt64(n)) + 1
///         return ConformanceInstance(solver: TopK(k: k), theta: RandomTheta.rows(3, length: n, using: &rng),
///                                    feasibleStates: try ExhaustiveSearch.kHotVectors(length: n, k: k),
///                                    oppositeSense: TopK(k: k, sense: .minimize))
///     }
/// }
/// ```
public enum SolverConformance {
    /// Generates instances and checks the solver on each.
    ///
    /// - Parameters:
    ///   - configuration: instance count, seed, tolerance, thread counts, checks.
    ///   - generate: builds instance i from a generator seeded with (seed, i); it may throw
    ///     (e.g. when a structure is invalid), which is reported as a setup failure.
    /// - Returns: what was checked.
    /// - Throws: ``ConformanceFailure`` describing the first violation.
    /// - Complexity: per instance, a few batch solves and the enumeration of its feasible set.
    @discardableResult
    public static func check<Solver: MAPSolver>(
        _ configuration: ConformanceConfiguration = ConformanceConfiguration(),
        instances generate: (inout SeededGenerator) throws -> ConformanceInstance<Solver>
    ) throws(ConformanceFailure) -> ConformanceReport {
        var report = ConformanceReport()
        for index in 0..<configuration.instanceCount {
            var generator = SeededGenerator(seed: configuration.seed, stream: [UInt64(index)])
            let instance: ConformanceInstance<Solver>
            do {
                instance = try generate(&generator)
            } catch {
                throw ConformanceFailure(nil, "the instance generator failed: \(error)", instance: index)
            }
            let checker = InstanceChecker(instance: instance, index: index, configuration: configuration)
            do throws(ConformanceFailure) {
                try checker.run(into: &report)
            } catch {
                var located = error
                located.instance = index
                throw located
            }
            report.instances += 1
            report.rows += instance.theta.count
        }
        return report
    }

    /// Checks one hand-made instance.
    ///
    /// - Throws: ``ConformanceFailure`` describing the first violation.
    @discardableResult
    public static func check<Solver: MAPSolver>(
        _ instance: ConformanceInstance<Solver>,
        configuration: ConformanceConfiguration = ConformanceConfiguration()
    ) throws(ConformanceFailure) -> ConformanceReport {
        var single = configuration
        single.instanceCount = 1
        return try check(single) { _ in instance }
    }
}
