import SolverRegistry
import DifferentiableSolvers

extension GraphCutSolver {
    /// The values θ may take: the n unaries are unrestricted; learned pairwise weights (the
    /// last m entries) must be ≥ 0 when maximising and ≤ 0 when minimising, the signs for
    /// which a cut is exact (see ``SupermodularProjection``). With fixed weights θ holds the
    /// unaries alone and is unrestricted.
    public var parameterDomain: ParameterDomain {
        switch pairwiseWeights {
        case .fixed: .unrestricted
        case .learned: ParameterDomain(sense == .maximize ? .nonNegative : .nonPositive, after: nodeCount)
        }
    }
}
