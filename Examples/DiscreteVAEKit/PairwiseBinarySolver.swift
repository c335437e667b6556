import DifferentiableSolvers
import GraphCutSolver

/// The MAP oracle of a structured binary encoder (Lorberbom et al. 2019, §4.1): over n binary
/// variables and m edges, z ∈ {0, 1}ⁿ maximising Σᵢ θᵢ zᵢ + Σ₍ᵢ,ⱼ₎ θᵢⱼ zᵢ zⱼ, with θ laid out as
/// the n unaries followed by the m edge weights and the solution as the sufficient statistics
/// (z₁ … zₙ, then zᵢ zⱼ per edge in the same order).
///
/// ``StructuredVAE`` trains its encoder through any such oracle: ``GraphCutSolver`` (supermodular
/// weights, a minimum cut) or ``GeneralPairwiseSolver`` (weights of any sign, an integer program
/// solved by GLPK).
public protocol PairwiseBinarySolver: MAPSolver {
    /// The number of binary variables n.
    var nodeCount: Int { get }
    /// The number of edges m.
    var edgeCount: Int { get }
    /// Whether the edge weights are the last m entries of θ (the encoder predicts them).
    var learnsPairwiseWeights: Bool { get }
    /// What runs trained through this oracle are called, e.g. "graph cut, 45 edges".
    var structureLabel: String { get }
    /// θ with the encoder's raw edge weights mapped into the oracle's domain.
    func projectingPairwiseWeights(of rawTheta: [Float]) -> [Float]
    /// ∂L/∂(raw θ) from ∂L/∂θ for the projection of ``projectingPairwiseWeights(of:)``.
    func projectionPullback(rawTheta: [Float], gradient: [Float]) -> [Float]
    /// The oracle as the one concrete type ``StructuredVAE``'s layer runs.
    var oracle: PairwiseOracle { get }
}

extension GraphCutSolver: PairwiseBinarySolver {
    /// Whether the solver reads its weights from θ (``GraphCutSolver/PairwiseWeights/learned``).
    public var learnsPairwiseWeights: Bool {
        if case .learned = pairwiseWeights { return true }
        return false
    }

    /// "unstructured" without edges, otherwise "graph cut, m edges".
    public var structureLabel: String { edgeCount == 0 ? "unstructured" : "graph cut, \(edgeCount) edges" }

    /// ``PairwiseOracle/graphCut(_:)``.
    public var oracle: PairwiseOracle { .graphCut(self) }
}
