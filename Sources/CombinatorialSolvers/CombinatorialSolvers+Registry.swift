import DifferentiableSolvers
import SolverRegistry

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
/// - Throws: `RegistryError` of kind `.duplicateName` when one of the names is taken.
public func registerCombinatorialSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "argmax", summary: "one-hot vector of the largest (or smallest) entry of θ; any length",
        family: "categorical", options: SenseOption.self
    ) { (options) throws(SolverError) in
        Argmax(sense: options.sense)
    }
    try registry.register(
        "top-k", summary: "0/1 mask of the k largest (or smallest) entries of θ; any length n ≥ k",
        family: "subset selection", options: TopKOptions.self
    ) { (options) throws(SolverError) in
        TopK(k: options.k, sense: options.sense)
    }
    try registry.register(
        "knapsack.dp", summary: "0/1 knapsack over integer weights by dynamic programming; θ = item values",
        family: "knapsack", options: KnapsackOptions.self
    ) { (options) throws(SolverError) in
        try Knapsack(weights: options.weights, capacity: options.capacity, sense: options.sense)
    }
    try registerGraphSolvers(in: registry)
}

/// The options of a solver whose only option is its sense (maximising by default).
struct SenseOption: SolverOptionSet {
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}

/// `top-k`'s options.
struct TopKOptions: SolverOptionSet {
    @SolverOption(meaning: "the number of entries selected (1 ≤ k ≤ n)") var k: Int
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}

/// `knapsack.dp`'s options.
struct KnapsackOptions: SolverOptionSet {
    @SolverOption(meaning: "one non-negative integer weight per item; n = their count") var weights: [Int]
    @SolverOption(meaning: "the largest total weight of the chosen items") var capacity: Int
    @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
}
