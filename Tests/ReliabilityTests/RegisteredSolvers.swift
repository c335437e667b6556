import DifferentiableSolvers
import DsolveCore
import _TestSupport

/// The solvers of the `dsolve` default registry, with their small test instances.
enum RegisteredSolvers {
    /// Every registered name (empty if the registry cannot be built, which a test reports).
    static let names: [String] = (try? DefaultSolverRegistry.make().names) ?? []

    /// The solver `name` built from its small instance, with the instance's θ length.
    static func small(_ name: String) throws -> (solver: AnyMAPSolver, variables: Int) {
        guard let instance = smallInstances[name] else { throw MissingFixture(name: name, table: "smallInstances") }
        return (try DefaultSolverRegistry.make().makeSolver(named: name, options: instance.options), instance.variables)
    }

    /// `count` ordinary θ rows for `name`: standard normal entries, absolute values where the
    /// solver needs non-negative parameters.
    static func rows(_ name: String, variables n: Int, count: Int, seed: UInt64 = 7) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<n).map { _ in
                let value = Float(generator.nextNormal())
                return nonNegativeParameters.contains(name) ? abs(value) : value
            }
        }
    }
}

/// A registered solver without an entry in one of the test tables.
struct MissingFixture: Error, CustomStringConvertible {
    var name: String
    var table: String
    var description: String { "solver '\(name)' has no entry in \(table); add one" }
}
