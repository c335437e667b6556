import DifferentiableSolvers

extension GraphCutSolver {
    /// Scratch memory of one worker: the max-flow network (made on the first solve and
    /// refilled afterwards) and per-node buffers.
    public struct Workspace {
        var network: MaxflowNetwork?
        var unaryCoefficients: [Double] = []
        var sourceCapacities: [Double] = []
        var halfWeights: [Double] = []
        var sides: [UInt8] = []
    }

    /// A fresh workspace; the network inside it is allocated by the first solve.
    public func makeWorkspace() -> Workspace { Workspace() }

    /// Solves one instance: writes the optimal labelling z₁ … zₙ and, with learned weights,
    /// the products zᵢzⱼ of the edges.
    ///
    /// - Parameters:
    ///   - theta: ``variableCount`` entries: the unaries, then (learned weights) the edge
    ///     weights in edge order.
    ///   - solution: ``variableCount`` entries receiving the sufficient statistics.
    ///   - workspace: this worker's scratch memory.
    /// - Throws: `SolverError` of kind `.shapeMismatch` (wrong lengths),
    ///   `.nonFiniteParameter` (NaN or ±∞ in θ), `.parameterOutOfDomain` (a weight of the
    ///   wrong sign; `index` is the edge), or `.libraryFailure`.
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

    /// Builds the network of <doc:GraphCutConstruction> for θ, computes the maximum flow and
    /// leaves the cut sides in `workspace.sides`.
    ///
    /// With σ = +1 (maximise) or −1 (minimise), θ′ = σθ and w′ = σw ≥ 0, the energy
    /// E(z) = −Σ θ′ᵢzᵢ − Σ w′ᵢⱼzᵢzⱼ equals `energyOffset` + cut(z), where z = 1 is the
    /// source side; so min E = `energyOffset` + `maximumFlow`.
    func computeMinimumCut(
        _ theta: Span<Float>, workspace: inout Workspace
    ) throws(SolverError) -> (maximumFlow: Double, energyOffset: Double) {
        guard theta.count == statisticCount else {
            throw SolverError(.shapeMismatch,
                              "θ has \(theta.count) entries; this solver expects \(statisticCount)")
        }
        let n = nodeCount
        let orientation = Self.orientation(of: sense)
        let network = try workspace.preparedNetwork(nodeCount: n, edgeCount: edgeCount)
        let weightsAreLearned = if case .learned = pairwiseWeights { true } else { false }

        // cᵢ = −θ′ᵢ − ½ Σ_{edges ∋ i} w′ᵢⱼ is the unary coefficient of E after the split of
        // each −w′zᵢzⱼ into −½w′zᵢ − ½w′zⱼ + ½w′[zᵢ(1−zⱼ) + zⱼ(1−zᵢ)]; the bracket becomes
        // the arcs i → j and j → i of capacity ½w′.
        var coefficients = workspace.takeBuffer(\.unaryCoefficients, count: n)
        var halfWeights = workspace.takeBuffer(\.halfWeights, count: edgeCount)
        defer {
            workspace.unaryCoefficients = coefficients
            workspace.halfWeights = halfWeights
        }
        for i in 0..<n {
            let value = theta[i]
            guard value.isFinite else {
                throw SolverError(.nonFiniteParameter, "θ[\(i)] (unary of node \(i)) is \(value)", index: i)
            }
            coefficients[i] = -orientation * Double(value)
        }
        for k in 0..<edgeCount {
            let weight = weightsAreLearned
                ? try Self.orientedWeight(theta[n + k], edge: k, orientation: orientation, sense: sense,
                                          thetaIndex: n + k)
                : orientedFixedWeights[k]
            halfWeights[k] = 0.5 * weight
            coefficients[Int(edgeFirst[k])] -= 0.5 * weight
            coefficients[Int(edgeSecond[k])] -= 0.5 * weight
        }
        try network.addSymmetricEdges(from: edgeFirst, to: edgeSecond, capacities: halfWeights)

        // cᵢzᵢ is cut on i → t when cᵢ ≥ 0; when cᵢ < 0 it is cᵢ + (−cᵢ)(1 − zᵢ): the
        // constant cᵢ plus the arc s → i. The coefficients buffer becomes the sink
        // capacities and the source capacities go in a second buffer.
        var sourceCapacities = workspace.takeBuffer(\.sourceCapacities, count: n)
        defer { workspace.sourceCapacities = sourceCapacities }
        var energyOffset = 0.0
        for i in 0..<n {
            let coefficient = coefficients[i]
            sourceCapacities[i] = max(-coefficient, 0)
            coefficients[i] = max(coefficient, 0)
            energyOffset += min(coefficient, 0)
        }
        try network.addTerminalCapacities(source: sourceCapacities, sink: coefficients)
        let maximumFlow = try network.solve()
        try network.readSourceSide(into: &workspace.sides)
        return (maximumFlow, energyOffset)
    }
}

extension GraphCutSolver.Workspace {
    /// Moves the buffer at `path` out of the workspace (so that writing it does not copy),
    /// sized to `count`; the caller puts it back when done.
    mutating func takeBuffer(_ path: WritableKeyPath<Self, [Double]>, count: Int) -> [Double] {
        var buffer: [Double] = []
        swap(&buffer, &self[keyPath: path])
        if buffer.count != count { buffer = [Double](repeating: 0, count: count) }
        return buffer
    }

    /// The network of this worker, emptied and ready to be filled.
    mutating func preparedNetwork(nodeCount: Int, edgeCount: Int) throws(SolverError) -> MaxflowNetwork {
        if let network, network.nodeCount == nodeCount {
            try network.reset()
            return network
        }
        let fresh = try MaxflowNetwork(nodeCount: nodeCount, edgeCountHint: edgeCount)
        network = fresh
        return fresh
    }
}
