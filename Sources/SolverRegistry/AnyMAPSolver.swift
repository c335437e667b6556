import DifferentiableSolvers

/// A type-erased `MAPSolver`: any solver behind one concrete type, so that solvers chosen
/// at run time (from a ``SolverRegistry``, a configuration file, the command line) fit a
/// generic slot such as `DifferentiableSolverLayer<AnyMAPSolver>`.
///
/// Rows go to the wrapped solver's `MAPSolver.solve(_:into:workspace:)` with its own
/// workspace kept in a box.
///
/// ```swift
/// let solver = AnyMAPSolver(TopK(k: 2))
/// var layer = DifferentiableSolverLayer(solver: solver, estimator: .aimle(), samples: 4)
/// let z = try solver.solve(row: [0.3, 2.0, -1.0, 0.9])   // [0, 1, 0, 1]
/// ```
public struct AnyMAPSolver: MAPSolver {
    private let box: any AnyMAPSolverBox

    /// The values the wrapped solver accepts for θ, as its registry entry declares them
    /// (``ParameterDomain/unrestricted`` unless stated).
    public let parameterDomain: ParameterDomain

    /// Wraps `solver` (an `AnyMAPSolver` is not wrapped twice; it keeps its domain).
    public init<Solver: MAPSolver>(_ solver: Solver) {
        self.init(solver, parameterDomain: (solver as? AnyMAPSolver)?.parameterDomain ?? .unrestricted)
    }

    /// Wraps `solver` (an `AnyMAPSolver` is not wrapped twice), declaring the values it
    /// accepts for θ.
    public init<Solver: MAPSolver>(_ solver: Solver, parameterDomain: ParameterDomain) {
        box = (solver as? AnyMAPSolver)?.box ?? TypedSolverBox(solver: solver)
        self.parameterDomain = parameterDomain
    }

    /// The wrapped solver; cast it back with `as?` to reach its own API.
    public var base: any MAPSolver { box.base }

    /// The wrapped solver's sense.
    public var sense: OptimizationSense { box.base.sense }

    /// The wrapped solver's length of θ, or `nil` when it accepts any length.
    public var variableCount: Int? { box.base.variableCount }

    /// The wrapped solver's workspace, boxed. A workspace made by a different wrapped solver
    /// type is replaced by a fresh one rather than misused.
    public struct Workspace {
        fileprivate let storage: AnyObject
    }

    /// A fresh workspace of the wrapped solver, boxed.
    public func makeWorkspace() -> Workspace { Workspace(storage: box.makeWorkspaceStorage()) }

    /// Solves one instance with the wrapped solver.
    ///
    /// - Parameters:
    ///   - theta: the parameters of one instance.
    ///   - solution: receives the optimal state; same length as `theta`.
    ///   - workspace: this worker's boxed workspace; one made by another wrapped solver is
    ///     replaced by a fresh one.
    /// - Throws: the wrapped solver's `SolverError`.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                      workspace: inout Workspace) throws(SolverError) {
        if !box.owns(workspace.storage) { workspace = makeWorkspace() }
        try box.solve(theta, into: &solution, storage: workspace.storage)
    }
}

/// The operations of ``AnyMAPSolver`` on a wrapped solver of unknown type.
private protocol AnyMAPSolverBox: Sendable {
    var base: any MAPSolver { get }
    func makeWorkspaceStorage() -> AnyObject
    func owns(_ storage: AnyObject) -> Bool
    func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, storage: AnyObject) throws(SolverError)
}

/// A workspace on the heap, so that the solver mutates it in place (no copy per row).
private final class WorkspaceStorage<Workspace> {
    var value: Workspace
    init(_ value: Workspace) { self.value = value }
}

private struct TypedSolverBox<Solver: MAPSolver>: AnyMAPSolverBox {
    let solver: Solver

    var base: any MAPSolver { solver }

    func makeWorkspaceStorage() -> AnyObject { WorkspaceStorage(solver.makeWorkspace()) }

    func owns(_ storage: AnyObject) -> Bool { storage is WorkspaceStorage<Solver.Workspace> }

    func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>, storage: AnyObject) throws(SolverError) {
        // `owns` was checked by the caller; an unexpected type still fails safely.
        guard let typed = storage as? WorkspaceStorage<Solver.Workspace> else {
            var fresh = solver.makeWorkspace()
            try solver.solve(theta, into: &solution, workspace: &fresh)
            return
        }
        try solver.solve(theta, into: &solution, workspace: &typed.value)
    }

}
