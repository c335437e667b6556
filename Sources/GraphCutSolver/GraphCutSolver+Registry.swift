import DifferentiableSolvers

/// Registers `graph-cut.bk`: binary labellings of a grid or an edge list maximising
/// Σ θᵢzᵢ + Σ wᵢⱼzᵢzⱼ (wᵢⱼ ≥ 0), by Boykov–Kolmogorov max-flow.
///
/// ```swift
/// let registry = SolverRegistry()
/// try registerGraphCutSolvers(in: registry)
/// let cut = try registry.makeSolver(named: "graph-cut.bk", options: ["rows": 8, "columns": 8])
/// ```
///
/// - Throws: ``RegistryError`` of kind `.duplicateName` when the name is taken.
public func registerGraphCutSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "graph-cut.bk",
        summary: "binary labelling maximising unary + supermodular pairwise terms (max-flow); θ = unaries, then pairwise weights",
        family: "graph cut",
        options: [
            SolverOption("rows", .integer, default: 0, meaning: "grid rows (0: use 'nodes' and 'edges')"),
            SolverOption("columns", .integer, default: 0, meaning: "grid columns"),
            SolverOption("connectivity", .integer, default: 4, meaning: "grid connectivity", allowedValues: nil),
            SolverOption("nodes", .integer, default: 0, meaning: "number of nodes of an edge-list graph"),
            SolverOption("edges", .integerArray, default: .array([]),
                         meaning: "edge list as flattened pairs [i₀, j₀, i₁, j₁, …]"),
            SolverOption("fixed-weights", .numberArray, default: .array([]),
                         meaning: "one pairwise weight per edge; empty: the weights are learned, part of θ"),
            .sense(),
        ],
        parameters: \GraphCutSolver.parameterDomain
    ) { (options) throws(SolverError) in
        let fixed = try options.numberArray("fixed-weights").map(Float.init)
        let weights: GraphCutSolver.PairwiseWeights = fixed.isEmpty ? .learned : .fixed(fixed)
        let sense = try options.sense()
        let rows = try options.integer("rows")
        if rows > 0 {
            let connectivity: GridConnectivity
            switch try options.integer("connectivity") {
            case 4: connectivity = .four
            case 8: connectivity = .eight
            case let other: throw SolverError(.invalidOption, "option 'connectivity' must be 4 or 8 (got \(other))")
            }
            return try GraphCutSolver(gridRows: rows, columns: try options.integer("columns"), connectivity: connectivity,
                                      pairwiseWeights: weights, sense: sense)
        }
        let flat = try options.integerArray("edges")
        guard flat.count % 2 == 0 else {
            throw SolverError(.invalidOption, "option 'edges' needs an even number of entries (pairs), got \(flat.count)")
        }
        let edges = stride(from: 0, to: flat.count, by: 2).map { (flat[$0], flat[$0 + 1]) }
        return try GraphCutSolver(nodeCount: try options.integer("nodes"), edges: edges, pairwiseWeights: weights,
                                  sense: sense)
    }
}
