extension GraphCutSolver {
    /// Where the pairwise weights wᵢⱼ of a ``GraphCutSolver`` come from.
    ///
    /// With ``learned`` the weights are part of θ, so a network predicts them and gradient
    /// estimators (IMLE, AIMLE, direct loss) reach them through the pairwise sufficient
    /// statistics zᵢzⱼ. With ``fixed(_:)`` the weights are part of the structure and θ holds
    /// the unary terms only.
    ///
    /// ```swift
    /// let edges = [(0, 1), (1, 2)]
    /// let learned = try GraphCutSolver(nodeCount: 3, edges: edges)            // θ: 3 + 2 entries
    /// let fixed = try GraphCutSolver(nodeCount: 3, edges: edges,
    ///                                pairwiseWeights: .fixed([0.5, 0.5]))     // θ: 3 entries
    /// ```
    public enum PairwiseWeights: Sendable, Hashable {
        /// θ = [θ₁ … θₙ, w₁ … wₘ] and z = [z₁ … zₙ, zᵢzⱼ for each edge]: ``variableCount``
        /// is n + m. The weights are checked at every solve.
        case learned
        /// One weight per edge, in edge order, fixed when the solver is made; θ = [θ₁ … θₙ]
        /// and z = [z₁ … zₙ]: ``variableCount`` is n. The weights are checked at
        /// construction.
        case fixed([Float])
    }
}
