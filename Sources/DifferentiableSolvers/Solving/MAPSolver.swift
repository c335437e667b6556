/// A MAP oracle: given parameters θ, returns a state z of the solver's feasible set that
/// maximises (or minimises, see ``sense``) the linear objective ⟨z, θ⟩.
///
/// A solver is a value that carries its problem structure (the grid size, the graph, the
/// constraint matrix, k …); θ is what a network predicts. θ and z have the same length,
/// ``variableCount``: z is the vector of sufficient statistics whose inner product with θ
/// is the objective (a 0/1 mask, a one-hot vector, a permutation matrix …). A solver whose
/// structure fixes the length declares it in ``variableCount``; one that adapts to any
/// length (argmax, top-k, ranking) returns `nil` and checks the length it is given.
///
/// Conforming types implement ``solve(_:into:workspace:)`` for one row; the batched entry
/// point ``solveBatch(_:parallelism:)`` (an extension, not a requirement: the layer solves
/// row by row in its own workers) validates the batch and solves its rows in parallel
/// across cores.
///
/// ```swift
/// struct Argmax: MAPSolver {
///     var variableCount: Int? { nil }          // any length
///     var sense: OptimizationSense { .maximize }
///     func solve(_ theta: Span<Float>, into z: inout MutableSpan<Float>,
///                workspace: inout Void) throws(SolverError) {
///         guard theta.count > 0 else { throw SolverError(.shapeMismatch, "empty θ") }
///         var best = 0
///         for i in 0..<theta.count { z[i] = 0; if theta[i] > theta[best] { best = i } }
///         z[best] = 1
///     }
/// }
/// let z = try Argmax().solve(row: [0.2, 1.5, -1])   // [0, 1, 0]
/// ```
public protocol MAPSolver: Sendable {
    /// Scratch memory a solver reuses across the rows one worker solves, so that the inner
    /// loop does not allocate. Solvers that need none leave it `Void`.
    associatedtype Workspace = Void

    /// Whether ⟨z, θ⟩ is maximised or minimised.
    var sense: OptimizationSense { get }

    /// The length of θ and of z, or `nil` when the solver accepts rows of any length (it then
    /// reports lengths it cannot handle from ``solve(_:into:workspace:)``).
    var variableCount: Int? { get }

    /// Fresh scratch memory for one worker.
    func makeWorkspace() -> Workspace

    /// Solves one instance.
    ///
    /// When called through ``solveBatch(_:parallelism:)`` or ``solve(row:)``, `theta` has
    /// the declared ``variableCount`` of entries (when there is one), all finite; domain checks beyond that (e.g. no
    /// negative weights) are the solver's own. The solver must write every entry of
    /// `solution`.
    ///
    /// - Parameters:
    ///   - theta: the parameters of one instance.
    ///   - solution: receives the optimal state; same length as `theta`.
    ///   - workspace: this worker's scratch memory.
    /// - Throws: ``SolverError`` when the instance has no solution or θ is out of domain.
    func solve(
        _ theta: Span<Float>,
        into solution: inout MutableSpan<Float>,
        workspace: inout Workspace
    ) throws(SolverError)
}

extension MAPSolver where Workspace == Void {
    /// Solvers without scratch memory need not implement this.
    public func makeWorkspace() -> Void { () }
}
