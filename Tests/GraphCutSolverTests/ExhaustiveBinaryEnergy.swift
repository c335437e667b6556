import DifferentiableSolvers

/// Independent truth for the graph-cut tests: f(z) = Σ θᵢzᵢ + Σ wₖ z_{uₖ} z_{vₖ} evaluated
/// on all 2ⁿ labellings, written from the definition without any of the solver's code.
struct ExhaustiveBinaryEnergy {
    var unaries: [Double]
    var edges: [(Int, Int)]
    var weights: [Double]

    /// f at the labelling whose bit i is zᵢ.
    func value(mask: Int) -> Double {
        var total = 0.0
        for i in unaries.indices where mask >> i & 1 == 1 { total += unaries[i] }
        for (k, (u, v)) in edges.enumerated() where mask >> u & 1 == 1 && mask >> v & 1 == 1 {
            total += weights[k]
        }
        return total
    }

    /// The optimum over all labellings, and the bitwise AND of every optimal labelling
    /// (the smallest optimal set, which supermodularity makes optimal itself). Values within
    /// `tolerance` of the optimum count as ties.
    ///
    /// The labellings are visited in Gray-code order, so each step flips one variable zᵢ and
    /// changes f by ±(θᵢ + Σ_{j ~ i, zⱼ = 1} wᵢⱼ).
    func optimum(sense: OptimizationSense, tolerance: Double = 1e-9) -> (value: Double, smallestOptimalMask: Int) {
        let n = unaries.count
        var neighbours = [[(node: Int, weight: Double)]](repeating: [], count: n)
        for (k, (u, v)) in edges.enumerated() {
            neighbours[u].append((v, weights[k]))
            neighbours[v].append((u, weights[k]))
        }
        let sign = sense == .maximize ? 1.0 : -1.0
        var mask = 0, value = 0.0
        var best = 0.0, meet = 0
        for step in 1..<(1 << n) {
            let flipped = step.trailingZeroBitCount
            var delta = unaries[flipped]
            for (node, weight) in neighbours[flipped] where mask >> node & 1 == 1 { delta += weight }
            let turningOn = mask >> flipped & 1 == 0
            value += turningOn ? delta : -delta
            mask ^= 1 << flipped
            if sign * (value - best) > tolerance {
                best = value
                meet = mask
            } else if abs(value - best) <= tolerance {
                meet &= mask
            }
        }
        return (best, meet)
    }

    /// The labelling as a bit mask.
    static func mask(of labelling: some Collection<Float>) -> Int {
        var mask = 0
        for (i, z) in labelling.enumerated() where z == 1 { mask |= 1 << i }
        return mask
    }

    /// [z₁ … zₙ, z_{uₖ} z_{vₖ} for each edge]: the sufficient statistics of a labelling.
    func sufficientStatistics(mask: Int) -> [Float] {
        let z = unaries.indices.map { Float(mask >> $0 & 1) }
        return z + edges.map { z[$0.0] * z[$0.1] }
    }
}
