import DifferentiableSolvers

/// Registers this module's solvers in `registry`: `argmax`, `top-k` and `knapsack.dp`.
///
/// An application collects the registration functions of the solver modules it links:
///
/// ```swift
/// let registry = SolverRegistry()
/// try registerCombinatorialSolvers(in: registry)
/// let topK = try registry.makeSolver(named: "top-k", options: ["k": 3])
/// ```
///
/// - Parameter registry: the registry to add to.
/// - Throws: ``RegistryError`` of kind `.duplicateName` when one of the names is taken.
public func registerCombinatorialSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "argmax", summary: "one-hot vector of the largest (or smallest) entry of θ; any length",
        family: "categorical", options: [.sense()]
    ) { (options) throws(SolverError) in
        Argmax(sense: try options.sense())
    }
    try registry.register(
        "top-k", summary: "0/1 mask of the k largest (or smallest) entries of θ; any length n ≥ k",
        family: "subset selection",
        options: [SolverOption("k", .integer, meaning: "the number of entries selected (1 ≤ k ≤ n)"), .sense()]
    ) { (options) throws(SolverError) in
        TopK(k: try options.integer("k"), sense: try options.sense())
    }
    try registry.register(
        "knapsack.dp", summary: "0/1 knapsack over integer weights by dynamic programming; θ = item values",
        family: "knapsack",
        options: [
            SolverOption("weights", .integerArray, meaning: "one non-negative integer weight per item; n = their count"),
            SolverOption("capacity", .integer, meaning: "the largest total weight of the chosen items"),
            .sense(),
        ]
    ) { (options) throws(SolverError) in
        try Knapsack(weights: try options.integerArray("weights"), capacity: try options.integer("capacity"),
                     sense: try options.sense())
    }
    try registerGraphSolvers(in: registry)
}
