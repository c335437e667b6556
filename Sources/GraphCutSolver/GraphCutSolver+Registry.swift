import DifferentiableSolvers
import SolverRegistry

/// Registers `graph-cut.bk`: binary labellings of a grid or an edge list maximising
/// Σ θᵢzᵢ + Σ wᵢⱼzᵢzⱼ (wᵢⱼ ≥ 0), by Boykov–Kolmogorov max-flow.
///
/// ```swift
/// let registry = SolverRegistry()
/// try registerGraphCutSolvers(in: registry)
/// let cut = try registry.makeSolver(named: "graph-cut.bk", options: ["rows": 8, "columns": 8])
/// ```
///
/// - Throws: `RegistryError` of kind `.duplicateName` when the name is taken.
public func registerGraphCutSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "graph-cut.bk",
        summary: "binary labelling maximising unary + supermodular pairwise terms (max-flow); θ = unaries, then pairwise weights",
        family: "graph cut", options: GraphCutOptions.self, parameters: \GraphCutSolver.parameterDomain
    ) { (options) throws(SolverError) in
        let weights: GraphCutSolver.PairwiseWeights = options.fixedWeights.isEmpty ? .learned : .fixed(options.fixedWeights.map(Float.init))
        if options.rows > 0 {
            return try GraphCutSolver(gridRows: options.rows, columns: options.columns,
                                      connectivity: try GridConnectivity.option(options.connectivity),
                                      pairwiseWeights: weights, sense: options.sense)
        }
        return try GraphCutSolver(nodeCount: options.nodes, edges: try options.edges.flattenedPairs(option: "edges"),
                                  pairwiseWeights: weights, sense: options.sense)
    }
}

/// `graph-cut.bk`'s options: a grid (`rows` > 0) or an edge list.
struct GraphCutOptions: SolverOptionSet {
    @SolverOption(meaning: "grid rows (0: use 'nodes' and 'edges')") var rows = 0
    @SolverOption(meaning: "grid columns") var columns = 0
    @SolverOption(meaning: "grid connectivity") var connectivity = 4
    @SolverOption(meaning: "number of nodes of an edge-list graph") var nodes = 0
    @SolverOption(meaning: "edge list as flattened pairs [i₀, j₀, i₁, j₁, …]") var edges: [Int] = []
    @SolverOption(meaning: "one pairwise weight per edge; empty: the weights are learned, part of θ") var fixedWeights: [Double] = []
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}
