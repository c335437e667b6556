import SolverRegistry
import CombinatorialSolvers
import DifferentiableSolvers
import GLPKSolver
import GraphCutSolver

/// The registry of every solver the package ships, as `dsolve` sees it.
///
/// Each solver module exposes one registration function; adding a module to the tool is
/// one line in ``registrationFunctions`` (and the module in the `DsolveCore` target's
/// dependencies).
///
/// ```swift
/// let registry = try DefaultSolverRegistry.make()
/// registry.names          // ["argmax", "knapsack.dp", "top-k", …]
/// ```
public enum DefaultSolverRegistry {
    /// A function that adds one module's solvers to a registry.
    public typealias RegistrationFunction = @Sendable (SolverRegistry) throws(RegistryError) -> Void

    /// The registration functions of the package's solver modules.
    public static let registrationFunctions: [RegistrationFunction] = [
        registerCombinatorialSolvers,
        registerGLPKSolvers,
        registerGraphCutSolvers,
    ]

    /// A fresh registry holding every solver of ``registrationFunctions``.
    ///
    /// - Throws: ``RegistryError`` when two modules register the same name.
    public static func make() throws(RegistryError) -> SolverRegistry {
        let registry = SolverRegistry()
        for register in registrationFunctions { try register(registry) }
        return registry
    }
}
