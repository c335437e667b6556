import SolverRegistry
import ArgumentParser
import DifferentiableSolvers
import Foundation

/// `dsolve bench NAME --options JSON --batch B`: time per instance and throughput on one
/// thread and on all cores, on random θ from a seeded generator, drawn from the parameter
/// domain the solver's registry entry declares (standard normal entries, folded to |x| where
/// the solver needs non-negative θ).
struct BenchCommand: DsolveSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a solver's time per instance and throughput, single-threaded and on all cores."
    )

    @Argument(help: "The registered name of the solver.")
    var name: String

    @Option(help: "The solver's options as a JSON object.")
    var options = "{}"

    @Option(help: "Instances per batch.")
    var batch = 1000

    @Option(help: "θ length for solvers that accept any length (default 100).")
    var size: Int?

    @Option(help: "Timed repetitions per setting; the fastest is reported.")
    var repetitions = 5

    @Option(help: "Seed of the random θ (standard normal entries, folded into the solver's parameter domain).")
    var seed: UInt64 = 0

    @Flag(help: "Print the measurements as JSON.")
    var json = false

    /// One measured setting.
    struct Measurement: Codable {
        var threads: Int
        var secondsPerInstance: Double
        var instancesPerSecond: Double
    }

    func execute(in context: DsolveContext) throws {
        guard batch >= 1, repetitions >= 1 else {
            throw DsolveError("--batch and --repetitions must be at least 1 (got \(batch) and \(repetitions))")
        }
        let optionValue = try JSONInput.decode(Array(options.utf8), source: "--options \(options)")
        let solver: AnyMAPSolver
        do throws(RegistryError) {
            solver = try context.registry.makeSolver(named: name, options: optionValue)
        } catch {
            throw DsolveError("--options: \(error.message)")
        }
        let n = try variableCount(of: solver)
        var generator = SeededGenerator(seed: seed)
        let theta = Matrix(stacking: (0 ..< batch).map { _ in solver.parameterDomain.randomValues(count: n, using: &generator) })
        let results = try [Parallelism.serial, .automatic].map { parallelism throws in
            try measure(solver, theta, parallelism: parallelism)
        }
        if json {
            context.print(try JSONText.encode(["solver": name, "batch": "\(batch)", "variables": "\(n)"] as [String: String]))
            context.print(try JSONText.encode(results))
            return
        }
        context.print("\(name): batch \(batch) × \(n) variables, best of \(repetitions)")
        for result in results {
            let label = result.threads == 1 ? "1 thread" : "\(result.threads) threads"
            context.print(label.padded(to: 11) + String(format: "%10.3f µs/instance  %12.0f instances/s",
                                                        result.secondsPerInstance * 1e6, result.instancesPerSecond))
        }
    }

    private func variableCount(of solver: AnyMAPSolver) throws(DsolveError) -> Int {
        switch (solver.variableCount, size) {
        case (let fixed?, let requested?) where fixed != requested:
            throw DsolveError("--size \(requested) disagrees with solver '\(name)', which takes \(fixed) variables")
        case (let fixed?, _): return fixed
        case (nil, let requested?):
            guard requested >= 1 else { throw DsolveError("--size must be at least 1, got \(requested)") }
            return requested
        case (nil, nil): return 100
        }
    }

    private func measure(_ solver: AnyMAPSolver, _ theta: Matrix, parallelism: Parallelism) throws -> Measurement {
        let clock = ContinuousClock()
        var best = Duration.seconds(Int64.max)
        do throws(SolverError) {
            _ = try solver.solveBatch(theta, parallelism: parallelism)   // warm-up
            for _ in 0..<repetitions {
                let start = clock.now
                _ = try solver.solveBatch(theta, parallelism: parallelism)
                best = min(best, clock.now - start)
            }
        } catch {
            throw DsolveError("solver '\(name)' failed on random θ: \(error)")
        }
        let seconds = max(Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18, 1e-12)
        return Measurement(threads: parallelism.threads, secondsPerInstance: seconds / Double(theta.rows),
                           instancesPerSecond: Double(theta.rows) / seconds)
    }
}
