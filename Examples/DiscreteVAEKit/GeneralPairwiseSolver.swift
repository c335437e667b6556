import DifferentiableSolvers
import GLPKSolver

/// The general pairwise structured encoder's MAP (Lorberbom et al. 2019, §4.1, solved there
/// with CPLEX): max Σᵢ θᵢ zᵢ + Σ₍ᵢ,ⱼ₎ θᵢⱼ yᵢⱼ over binary z and y with the standard
/// linearisation yᵢⱼ ≤ zᵢ, yᵢⱼ ≤ zⱼ, yᵢⱼ ≥ zᵢ + zⱼ − 1 (so yᵢⱼ = zᵢ zⱼ), an integer program
/// solved by GLPK's branch and cut through ``LinearProgramSolver``. Edge weights may have any
/// sign, unlike ``GraphCutSolver``'s supermodular ones.
///
/// ```swift
/// let pairs = (0..<10).flatMap { i in (i + 1 ..< 10).map { (i, $0) } }
/// let solver = try GeneralPairwiseSolver(nodeCount: 10, edges: pairs)   // θ: 10 + 45 entries
/// ```
public struct GeneralPairwiseSolver: PairwiseBinarySolver {
    /// GLPK's problem object per worker.
    public typealias Workspace = GLPKWorkspace

    /// The number of binary variables n.
    public let nodeCount: Int
    /// The edges (i, j), i ≠ j, in the order of θ's weight block.
    public let edges: [(first: Int, second: Int)]
    /// The integer program over (z, y).
    public let program: LinearProgramSolver

    /// An oracle over `nodeCount` variables and the given edges.
    ///
    /// - Throws: ``SolverError`` (`.invalidStructure`) for no variables, an edge out of range,
    ///   a loop or a repeated edge.
    public init(nodeCount: Int, edges: [(Int, Int)]) throws(SolverError) {
        guard nodeCount >= 1 else { throw SolverError(.invalidStructure, "a pairwise model needs at least one variable (got \(nodeCount))") }
        var seen = Set<[Int]>()
        for (index, (i, j)) in edges.enumerated() {
            guard (0..<nodeCount).contains(i), (0..<nodeCount).contains(j), i != j else {
                throw SolverError(.invalidStructure, "edge \(index) (\(i), \(j)) must join two different variables of 0 … \(nodeCount - 1)")
            }
            guard seen.insert([min(i, j), max(i, j)]).inserted else {
                throw SolverError(.invalidStructure, "edge \(index) (\(i), \(j)) repeats an earlier edge")
            }
        }
        self.nodeCount = nodeCount
        self.edges = edges.map { (first: $0.0, second: $0.1) }
        var constraints: [LinearProgram.Constraint] = []
        for (offset, edge) in edges.enumerated() {
            let y = nodeCount + offset
            constraints.append(.init(terms: [.init(y, 1), .init(edge.0, -1)], bounds: .init(upper: 0)))
            constraints.append(.init(terms: [.init(y, 1), .init(edge.1, -1)], bounds: .init(upper: 0)))
            constraints.append(.init(terms: [.init(y, 1), .init(edge.0, -1), .init(edge.1, -1)], bounds: .init(lower: -1)))
        }
        let variables = [LinearProgram.Variable](repeating: .binary(), count: nodeCount + edges.count)
        program = try LinearProgramSolver(model: LinearProgram(sense: .maximize, variables: variables, constraints: constraints))
    }

    /// Maximisation.
    public var sense: OptimizationSense { .maximize }
    /// n + m.
    public var variableCount: Int? { nodeCount + edges.count }
    /// The number of edges m.
    public var edgeCount: Int { edges.count }
    /// Always: the encoder predicts every weight.
    public var learnsPairwiseWeights: Bool { true }
    /// "general pairwise (GLPK), m edges".
    public var structureLabel: String { "general pairwise (GLPK), \(edgeCount) edges" }

    /// A fresh GLPK workspace.
    public func makeWorkspace() -> GLPKWorkspace { program.makeWorkspace() }

    /// Writes the optimal (z, y) for θ = (unaries, weights).
    public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                      workspace: inout GLPKWorkspace) throws(SolverError) {
        try program.solve(theta, into: &solution, workspace: &workspace)
    }

    /// The weights need no projection: θ as it is.
    public func projectingPairwiseWeights(of rawTheta: [Float]) -> [Float] { rawTheta }

    /// The identity's pullback: the gradient as it is.
    public func projectionPullback(rawTheta: [Float], gradient: [Float]) -> [Float] { gradient }

    /// ``PairwiseOracle/general(_:)``.
    public var oracle: PairwiseOracle { .general(self) }
}
