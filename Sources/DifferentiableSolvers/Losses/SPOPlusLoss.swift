/// The SPO+ loss of Elmachtoub and Grigas ("Smart 'predict, then optimize'", Management
/// Science 2022) for linear objectives with known true cost vectors.
///
/// In the minimisation convention (costs c, a maximising solver's objective negated), with
/// w*(c) an optimal solution for the true costs and ĉ the prediction:
///
///     ℓ(ĉ, c) = max_w ⟨c − 2ĉ, w⟩ + 2⟨ĉ, w*(c)⟩ − ⟨c, w*(c)⟩,
///     ∂ℓ/∂ĉ ∋ 2 (w*(c) − w*(2ĉ − c)).
///
/// ℓ is convex in ĉ and an upper bound of the regret ⟨c, w*(ĉ)⟩ − ⟨c, w*(c)⟩.
///
/// ```swift
/// let spo = SPOPlusLoss(solver: shortestPath)
/// let result = try spo.evaluate(predicted: costsFromModel, trueCosts: costs)
/// result.values; result.gradient
/// ```
public struct SPOPlusLoss<Solver: MAPSolver>: Sendable {
    /// The solver of the decision problem.
    public let solver: Solver
    /// Worker threads for the solver calls.
    public var parallelism: Parallelism

    /// Creates the loss for `solver`.
    public init(solver: Solver, parallelism: Parallelism = .automatic) {
        self.solver = solver
        self.parallelism = parallelism
    }

    /// Loss values (one per row) and the subgradient with respect to the predicted costs.
    public struct Result: Sendable {
        /// ℓ(ĉ, c) of every row.
        public let values: [Float]
        /// ∂ℓ/∂ĉ (B × n) in the solver's own sign convention for θ.
        public let gradient: Matrix
        /// The regret ⟨c, w*(ĉ)⟩ − ⟨c, w*(c)⟩ of every row (minimisation convention; ≥ 0).
        public let regret: [Float]
    }

    /// Evaluates SPO+ on a batch.
    ///
    /// - Parameters:
    ///   - predicted: predicted costs ĉ (B × n), in the solver's θ convention.
    ///   - trueCosts: the true costs c (B × n).
    ///   - trueSolutions: w*(c) when known (e.g. from the data set); solved otherwise.
    /// - Throws: ``LayerError`` naming the parameter whose shape or values are wrong, or
    ///   wrapping a solver failure.
    public func evaluate(predicted: Matrix, trueCosts: Matrix, trueSolutions: Matrix? = nil) throws(LayerError) -> Result {
        try DifferentiableSolverLayer<Solver>.validate(predicted, named: "predicted costs", rows: nil, columns: solver.variableCount)
        try DifferentiableSolverLayer<Solver>.validate(trueCosts, named: "true costs", rows: predicted.rows, columns: predicted.columns)
        if let trueSolutions {
            try DifferentiableSolverLayer<Solver>.validate(trueSolutions, named: "true solutions",
                                                           rows: predicted.rows, columns: predicted.columns)
        }
        // Minimisation convention: c_min = −sense · c, and MAP_min(x) = solver(−sense · x).
        let toMin = -solver.sense.sign
        var augmented = predicted
        for i in augmented.values.indices {
            augmented.values[i] = 2 * predicted.values[i] - trueCosts.values[i]   // 2ĉ − c, then back to θ-space
        }
        let optimal: Matrix, adversarial: Matrix, decisions: Matrix
        do throws(SolverError) {
            if let trueSolutions { optimal = trueSolutions } else {
                optimal = try solver.solveBatch(trueCosts, parallelism: parallelism)
            }
            adversarial = try solver.solveBatch(augmented, parallelism: parallelism)
            decisions = try solver.solveBatch(predicted, parallelism: parallelism)
        } catch {
            throw LayerError(error)
        }
        let n = predicted.columns
        var values = [Float](repeating: 0, count: predicted.rows)
        var regret = [Float](repeating: 0, count: predicted.rows)
        var gradient = Matrix(rows: predicted.rows, columns: n)
        for b in 0..<predicted.rows {
            var loss = 0.0, gap = 0.0
            for j in 0..<n {
                let c = Double(toMin * trueCosts[b, j]), chat = Double(toMin * predicted[b, j])
                let wStar = Double(optimal[b, j]), wTilde = Double(adversarial[b, j])
                loss += (c - 2 * chat) * wTilde + 2 * chat * wStar - c * wStar
                gap += c * (Double(decisions[b, j]) - wStar)
                // ∂ℓ/∂ĉ_min = 2(w* − w̃); ĉ_min = toMin · ĉ.
                gradient[b, j] = toMin * 2 * (optimal[b, j] - adversarial[b, j])
            }
            values[b] = Float(loss)
            regret[b] = Float(gap)
        }
        return Result(values: values, gradient: gradient, regret: regret)
    }
}
