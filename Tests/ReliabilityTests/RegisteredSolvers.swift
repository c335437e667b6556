import SolverRegistry
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

    /// `count` ordinary θ rows for `solver`: standard normal entries folded into the parameter
    /// domain its registry entry declares.
    static func rows(_ solver: AnyMAPSolver, variables n: Int, count: Int, seed: UInt64 = 7) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in solver.parameterDomain.randomValues(count: n, using: &generator) }
    }
}

/// A registered solver without an entry in one of the test tables.
struct MissingFixture: Error, CustomStringConvertible {
    var name: String
    var table: String
    var description: String { "solver '\(name)' has no entry in \(table); add one" }
}
