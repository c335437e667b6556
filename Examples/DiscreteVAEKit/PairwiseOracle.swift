import DifferentiableSolvers
import GLPKSolver
import GraphCutSolver

/// One of the structured encoder's MAP oracles, as a single concrete solver type, so that
/// ``StructuredVAE`` is generic over its networks only (a `StructuredVAE` generic over the
/// solver as well made Swift 6.3's differentiation of its networks miscompile).
public enum PairwiseOracle: PairwiseBinarySolver {
    /// Supermodular weights, a minimum cut.
    case graphCut(GraphCutSolver)
    /// Weights of any sign, an integer program solved by GLPK.
    case general(GeneralPairwiseSolver)

    /// The scratch of the solver in use (made on first use).
    public struct Workspace {
        var graphCut: GraphCutSolver.Workspace?
        var general: GLPKWorkspace?
    }

    /// The solver in use, through the protocol.
    var solver: any PairwiseBinarySolver {
        switch self {
        case .graphCut(let solver): solver
        case .general(let solver): solver
        }
    }

    /// The solver's sense (maximisation for both).
    public var sense: OptimizationSense { solver.sense }
    /// n + m.
    public var variableCount: Int? { solver.variableCount }
    /// The number of binary variables n.
    public var nodeCount: Int { solver.nodeCount }
    /// The number of edges m.
    public var edgeCount: Int { solver.edgeCount }
    /// Whether the encoder predicts the edge weights.
    public var learnsPairwiseWeights: Bool { solver.learnsPairwiseWeights }
    /// The solver's label, e.g. "graph cut, 45 edges".
    public var structureLabel: String { solver.structureLabel }
    /// Itself.
    public var oracle: PairwiseOracle { self }

    /// An empty workspace; the solver in use fills its part on first use.
    public func makeWorkspace() -> Workspace { Workspace() }

    /// Solves with the solver in use.
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                      workspace: inout Workspace) throws(SolverError) {
        switch self {
        case .graphCut(let solver):
            // Taken out, so the scratch's buffers stay uniquely referenced while the cut writes them.
            var scratch = workspace.graphCut.take() ?? solver.makeWorkspace()
            defer { workspace.graphCut = scratch }
            try solver.solve(theta, into: &solution, workspace: &scratch)
        case .general(let solver):
            var scratch = workspace.general.take() ?? solver.makeWorkspace()
            defer { workspace.general = scratch }
            try solver.solve(theta, into: &solution, workspace: &scratch)
        }
    }

    /// The solver's projection of the raw edge weights.
    public func projectingPairwiseWeights(of rawTheta: [Float]) -> [Float] { solver.projectingPairwiseWeights(of: rawTheta) }

    /// The pullback of the solver's projection.
    public func projectionPullback(rawTheta: [Float], gradient: [Float]) -> [Float] {
        solver.projectionPullback(rawTheta: rawTheta, gradient: gradient)
    }
}
