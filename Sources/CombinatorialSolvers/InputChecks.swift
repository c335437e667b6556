import DifferentiableSolvers

/// Validation shared by the solvers of this module: the checks on θ that `solve` repeats
/// for direct callers, and the checks on graph structures done at construction.
enum InputChecks {
    /// Throws `.shapeMismatch` unless θ and the solution both have `expected` entries.
    static func requireLength(
        _ theta: borrowing Span<Float>, _ solution: borrowing MutableSpan<Float>, _ expected: Int
    ) throws(SolverError) {
        guard theta.count == expected else {
            throw SolverError(.shapeMismatch, "θ has \(theta.count) entries; this solver expects \(expected)")
        }
        guard solution.count == expected else {
            throw SolverError(.shapeMismatch,
                              "the solution buffer has \(solution.count) entries; this solver writes \(expected)")
        }
    }

    /// Throws `.nonFiniteParameter` at the first NaN or infinite entry of θ.
    static func requireFinite(_ theta: borrowing Span<Float>) throws(SolverError) {
        // One pass without early exit, which the optimiser vectorises: adding 1 to the
        // exponent field carries into the sign bit exactly when the exponent is all ones
        // (NaN or infinity).
        let nonFinite = theta.withUnsafeBufferPointer { values in
            var carries: UInt32 = 0
            for value in values { carries |= (value.bitPattern & 0x7F80_0000) &+ 0x0080_0000 }
            return carries & 0x8000_0000 != 0
        }
        guard nonFinite else { return }
        for i in theta.indices where !theta[i].isFinite {
            throw SolverError(.nonFiniteParameter, "θ[\(i)] is \(theta[i])", index: i)
        }
    }

    /// Throws at the first entry of θ that is not finite or is negative.
    static func requireFiniteNonNegative(_ theta: borrowing Span<Float>, what: String) throws(SolverError) {
        for i in theta.indices {
            let value = theta[i]
            guard value.isFinite else {
                throw SolverError(.nonFiniteParameter, "θ[\(i)] is \(value)", index: i)
            }
            guard value >= 0 else {
                throw SolverError(.parameterOutOfDomain,
                                  "\(what) θ[\(i)] = \(value) is negative; this solver needs non-negative values",
                                  index: i)
            }
        }
    }

    /// Throws `.parameterOutOfDomain` when the optimal objective overflowed `Float` (θ is
    /// finite, but its sums are not).
    static func requireFiniteOptimum(_ value: Float) throws(SolverError) {
        guard value.isFinite else {
            throw SolverError(.parameterOutOfDomain,
                              "the optimal objective overflows Float (\(value)); scale θ down")
        }
    }

    /// Throws `.invalidStructure` for an empty vertex set, an edge with an end outside
    /// `0..<vertexCount`, or a self-loop; `index` names the offending edge.
    static func requireValidEdges(_ edges: [GraphEdge], vertexCount: Int, noun: String) throws(SolverError) {
        guard vertexCount > 0 else {
            throw SolverError(.invalidStructure, "the graph has \(vertexCount) vertices; it needs at least one")
        }
        guard !edges.isEmpty else {
            throw SolverError(.invalidStructure, "the graph has no \(noun)s; θ would be empty")
        }
        for (index, edge) in edges.enumerated() {
            guard (0..<vertexCount).contains(edge.source), (0..<vertexCount).contains(edge.target) else {
                throw SolverError(.invalidStructure,
                                  "\(noun) \(index) = \(edge) has an end outside the vertices 0..<\(vertexCount)",
                                  index: index)
            }
            guard !edge.isSelfLoop else {
                throw SolverError(.invalidStructure,
                                  "\(noun) \(index) = \(edge) is a self-loop, which no path or tree can use",
                                  index: index)
            }
        }
    }

    /// Throws `.invalidStructure` unless `vertex` lies in `0..<vertexCount`.
    static func requireVertex(_ vertex: Int, vertexCount: Int, role: String) throws(SolverError) {
        guard (0..<vertexCount).contains(vertex) else {
            throw SolverError(.invalidStructure,
                              "the \(role) vertex \(vertex) is outside the vertices 0..<\(vertexCount)",
                              index: vertex)
        }
    }
}
