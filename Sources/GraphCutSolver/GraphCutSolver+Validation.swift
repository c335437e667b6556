import DifferentiableSolvers

extension GraphCutSolver {
    /// The C library indexes arcs with 32-bit unsigned integers: every edge and every node
    /// (its terminal arc) takes an arc and its reverse.
    static let maximumArcCount = Int(UInt32.max) - 1

    /// Checks the structure rules and returns the endpoints as 32-bit node indices.
    static func validatedEdges(
        _ edges: [(Int, Int)], nodeCount: Int
    ) throws(SolverError) -> (first: [Int32], second: [Int32]) {
        guard nodeCount >= 1 else {
            throw SolverError(.invalidStructure,
                              "a graph cut needs at least one node, got nodeCount = \(nodeCount)")
        }
        guard 2 * (nodeCount + 2) + 2 * edges.count <= maximumArcCount,
              nodeCount <= Int(Int32.max) - 2 else {
            throw SolverError(.invalidStructure,
                              "\(nodeCount) nodes and \(edges.count) edges exceed the max-flow library's 32-bit arc indices")
        }
        var first = [Int32](), second = [Int32]()
        first.reserveCapacity(edges.count)
        second.reserveCapacity(edges.count)
        var seen = [Int: Int](minimumCapacity: edges.count)
        for (index, (u, v)) in edges.enumerated() {
            guard (0..<nodeCount).contains(u), (0..<nodeCount).contains(v) else {
                throw SolverError(.invalidStructure,
                                  "edge \(index) = (\(u), \(v)) has an endpoint outside 0..<\(nodeCount)",
                                  index: index)
            }
            guard u != v else {
                throw SolverError(.invalidStructure,
                                  "edge \(index) = (\(u), \(v)) is a self-loop; put its weight in the unary term θ[\(u)] instead",
                                  index: index)
            }
            let key = min(u, v) * nodeCount + max(u, v)
            if let earlier = seen.updateValue(index, forKey: key) {
                throw SolverError(.invalidStructure,
                                  "edge \(index) = (\(u), \(v)) repeats edge \(earlier); repeated edges are rejected, not merged: add their weights into one edge",
                                  index: index)
            }
            first.append(Int32(u))
            second.append(Int32(v))
        }
        return (first, second)
    }

    /// Checks fixed weights (count, finiteness, sign) and returns them oriented so that
    /// the maximisation form sees non-negative values.
    static func validatedFixedWeights(
        _ weights: [Float], edgeCount: Int, sense: OptimizationSense
    ) throws(SolverError) -> [Double] {
        guard weights.count == edgeCount else {
            throw SolverError(.shapeMismatch,
                              "fixed pairwise weights have \(weights.count) entries but the graph has \(edgeCount) edges")
        }
        let orientation = orientation(of: sense)
        var oriented = [Double]()
        oriented.reserveCapacity(edgeCount)
        for (edge, weight) in weights.enumerated() {
            oriented.append(try orientedWeight(weight, edge: edge, orientation: orientation,
                                               sense: sense, thetaIndex: nil))
        }
        return oriented
    }

    /// +1 when maximising, −1 when minimising: the factor that turns the problem into the
    /// maximisation of Σ θ′ᵢzᵢ + Σ w′ᵢⱼzᵢzⱼ with w′ ≥ 0.
    static func orientation(of sense: OptimizationSense) -> Double {
        sense == .maximize ? 1 : -1
    }

    /// One pairwise weight times `orientation`, checked to be finite and non-negative.
    ///
    /// A wrong sign is reported at the edge index; a non-finite weight at `thetaIndex` when
    /// the weight is learned (the convention of the batch validation), else at the edge.
    @inline(__always)
    static func orientedWeight(
        _ weight: Float, edge: Int, orientation: Double, sense: OptimizationSense, thetaIndex: Int?
    ) throws(SolverError) -> Double {
        let oriented = orientation * Double(weight)
        if oriented >= 0 && oriented.isFinite { return oriented }
        let location = thetaIndex.map { " (θ[\($0)])" } ?? ""
        guard weight.isFinite else {
            // Like the batch validation, a non-finite entry of θ is reported at its θ index.
            throw SolverError(.nonFiniteParameter,
                              "the pairwise weight of edge \(edge)\(location) is \(weight)",
                              index: thetaIndex ?? edge)
        }
        let required = sense == .maximize ? "≥ 0 (supermodular interactions)" : "≤ 0 (submodular interactions)"
        throw SolverError(
            .parameterOutOfDomain,
            "the pairwise weight of edge \(edge)\(location) is \(weight), but graph cuts solve exactly only when every weight is \(required); map unconstrained weights with SupermodularProjection.softplus",
            index: edge)
    }
}
