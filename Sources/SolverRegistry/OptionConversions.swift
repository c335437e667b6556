import DifferentiableSolvers

/// Reading a grid's neighbourhood from an integer option.
extension GridConnectivity {
    /// The connectivity an integer option names: 4 or 8 neighbours.
    ///
    /// - Throws: `SolverError` of kind `.invalidOption` naming `option` for any other number.
    public static func option(_ neighbours: Int, named option: String = "connectivity") throws(SolverError) -> GridConnectivity {
        guard let connectivity = GridConnectivity(neighbours: neighbours) else {
            throw SolverError(.invalidOption, "option '\(option)' must be 4 or 8 (got \(neighbours))")
        }
        return connectivity
    }
}

/// Reading pairs (edges, arcs) from a flat integer-array option.
extension Array where Element == Int {
    /// An integer-array option read as pairs: [u₀, v₀, u₁, v₁, …] → [(u₀, v₀), (u₁, v₁), …].
    ///
    /// - Throws: `SolverError` of kind `.invalidOption` naming `option` for an odd count.
    public func flattenedPairs(option: String) throws(SolverError) -> [(Int, Int)] {
        guard count % 2 == 0 else {
            throw SolverError(.invalidOption, "option '\(option)' needs an even number of entries (pairs), got \(count)")
        }
        return stride(from: 0, to: count, by: 2).map { (self[$0], self[$0 + 1]) }
    }
}
