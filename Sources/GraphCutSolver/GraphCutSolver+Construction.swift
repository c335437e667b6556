import DifferentiableSolvers

extension GraphCutSolver {
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
