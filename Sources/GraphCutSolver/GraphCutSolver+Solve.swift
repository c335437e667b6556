import DifferentiableSolvers

extension GraphCutSolver {
    /// Solves one instance: writes the optimal labelling z₁ … zₙ and, with learned weights,
    /// the products zᵢzⱼ of the edges.
    ///
    /// - Parameters:
    ///   - theta: ``variableCount`` entries: the unaries, then (learned weights) the edge
    ///     weights in edge order.
    ///   - solution: ``variableCount`` entries receiving the sufficient statistics.
    ///   - workspace: this worker's scratch memory.
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong lengths),
    ///   `.nonFiniteParameter` (NaN or ±∞ in θ; `index` is the θ entry),
    ///   `.parameterOutOfDomain` (a weight of the wrong sign; `index` is the edge), or
    ///   `.libraryFailure`.
    /// - Complexity: O(n + m) to build the network plus the max-flow, which is fast on
    ///   grid-like graphs (no strongly polynomial bound is known for Boykov–Kolmogorov).
    public func solve(
        _ theta: Span<Float>,
        into solution: inout MutableSpan<Float>,
        workspace: inout Workspace
    ) throws(SolverError) {
        guard solution.count == statisticCount else {
            throw SolverError(.shapeMismatch,
                              "the solution buffer has \(solution.count) entries; this solver writes \(statisticCount)")
        }
        _ = try computeMinimumCut(theta, workspace: &workspace)
        writeSufficientStatistics(sides: workspace.sides, into: &solution)
    }

    /// Solves one instance and returns the optimal labelling together with the max-flow
    /// certificate of its optimality.
    ///
    /// ```swift
    /// let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)])
    /// let cut = try solver.minimumCut(theta: [0.5, -0.3, 1])
    /// cut.labelling                        // [1, 1]
    /// cut.optimalObjective                 // 1.2 = 0.5 − 0.3 + 1
    /// cut.energyOffset + cut.maximumFlow   // −1.2: the energy −f of the labelling
    /// ```
    ///
    /// - Parameter theta: ``variableCount`` finite entries.
    /// - Returns: the labelling, its sufficient statistics, and the flow certificate.
    /// - Throws: the errors of ``solve(_:into:workspace:)``.
    /// - Complexity: that of one solve.
    public func minimumCut(theta: [Float]) throws(SolverError) -> GraphCutCertificate {
        var workspace = makeWorkspace()
        let flow = try computeMinimumCut(theta.span, workspace: &workspace)
        var solution = [Float](repeating: 0, count: statisticCount)
        do {
            var solutionSpan = solution.mutableSpan
            writeSufficientStatistics(sides: workspace.sides, into: &solutionSpan)
        }
        return GraphCutCertificate(labelling: Array(solution[0..<nodeCount]),
                                   sufficientStatistics: solution,
                                   maximumFlow: flow.maximumFlow,
                                   energyOffset: flow.energyOffset,
                                   sense: sense)
    }

    /// Writes z₁ … zₙ (1 on the source side) and, with learned weights, the edge products.
    func writeSufficientStatistics(sides: [UInt8], into solution: inout MutableSpan<Float>) {
        let n = nodeCount
        for i in 0..<n {
            solution[i] = MaxflowNetwork.isSourceSide(sides[i]) ? 1 : 0
        }
        if case .learned = pairwiseWeights {
            for k in 0..<edgeCount {
                solution[n + k] = solution[Int(edgeFirst[k])] * solution[Int(edgeSecond[k])]
            }
        }
    }
}
