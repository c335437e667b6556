import DifferentiableSolvers

/// Exact MAP for binary labellings with supermodular pairwise interactions, by a minimum
/// s–t cut (Boykov–Kolmogorov max-flow from Boost.Graph).
///
/// Over labellings z ∈ {0,1}ⁿ of the nodes of a graph with m edges, the solver maximises
///
///     f(z) = Σᵢ θᵢ zᵢ + Σ₍ᵢⱼ₎ wᵢⱼ zᵢ zⱼ,   wᵢⱼ ≥ 0.
///
/// Because every wᵢⱼ ≥ 0, −f is a submodular energy and its exact minimiser is a minimum
/// cut; <doc:GraphCutConstruction> derives the network and proves it.
///
/// With ``PairwiseWeights-swift.enum/learned`` weights (the default) θ = [θ₁ … θₙ, w₁ … wₘ]
/// (unaries, then one weight per edge in edge order) and the solution is the vector of
/// sufficient statistics z = [z₁ … zₙ, zᵢzⱼ for each edge], so that f(z) = ⟨z, θ⟩ and
/// ``variableCount`` is n + m: perturbation-based gradient estimators then reach the
/// weights too. With ``PairwiseWeights-swift.enum/fixed(_:)`` weights θ and z hold the n
/// unary entries only.
///
/// With ``sense`` `.minimize` the solver instead minimises the same ⟨z, θ⟩ and requires
/// every wᵢⱼ ≤ 0 (then ⟨z, θ⟩ itself is submodular); this is the maximisation of −⟨z, θ⟩.
///
/// Ties are broken towards 0: of all optimal labellings the solver returns the one with
/// the fewest ones (optimal labellings of a supermodular function are closed under
/// intersection, so this one is unique).
///
/// Structure rules, checked when the solver is made: at least one node; every edge joins
/// two distinct nodes in `0..<nodeCount`; no pair of nodes is joined twice (in either
/// order). A repeated edge is rejected rather than merged, because with learned weights it
/// would give two entries of θ the same sufficient statistic.
///
/// ```swift
/// // A path 0 – 1 – 2: node 1 alone loses (θ₁ = −0.4), but a strong bond to node 0 wins it.
/// let solver = try GraphCutSolver(nodeCount: 3, edges: [(0, 1), (1, 2)])
/// let z = try solver.solve(row: [1, -0.4, -1,  0.6, 0.1])
/// // z == [1, 1, 0,  1, 0]   (objective 1 − 0.4 + 0.6 = 1.2)
/// ```
public struct GraphCutSolver: MAPSolver {
    /// Number of nodes n (binary variables of the labelling).
    public let nodeCount: Int
    /// The edges, in the order their weights appear in θ and their products in z.
    public var edges: [(first: Int, second: Int)] {
        (0..<edgeFirst.count).map { (Int(edgeFirst[$0]), Int(edgeSecond[$0])) }
    }
    /// Whether the pairwise weights are part of θ or fixed.
    public let pairwiseWeights: PairwiseWeights
    /// `.maximize` (weights ≥ 0) or `.minimize` (weights ≤ 0) of ⟨z, θ⟩.
    public let sense: OptimizationSense

    /// The length of θ and z: n + m with learned weights, n with fixed weights (never `nil`).
    public var variableCount: Int? { statisticCount }

    /// n + m with learned weights, n with fixed weights.
    var statisticCount: Int {
        switch pairwiseWeights {
        case .learned: nodeCount + edgeFirst.count
        case .fixed: nodeCount
        }
    }

    /// Number of edges m.
    public var edgeCount: Int { edgeFirst.count }

    /// First and second endpoint of each edge, as the C interface takes them.
    let edgeFirst: [Int32]
    let edgeSecond: [Int32]
    /// With fixed weights: the weights times +1 (maximise) or −1 (minimise), all ≥ 0.
    let orientedFixedWeights: [Double]

    /// A solver for an arbitrary graph given as an edge list.
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes n ≥ 1.
    ///   - edges: pairs of distinct nodes in `0..<nodeCount`, each pair at most once (in
    ///     either order); may be empty.
    ///   - pairwiseWeights: `.learned` (weights are the last m entries of θ, the default)
    ///     or `.fixed` (one weight per edge, given here).
    ///   - sense: `.maximize` (the default; weights must be ≥ 0) or `.minimize` (weights
    ///     must be ≤ 0).
    /// - Throws: `SolverError` of kind `.invalidStructure` (no nodes, an edge out of range,
    ///   a self-loop, a repeated edge, a graph too large for the C library; `index` is the
    ///   offending edge), `.shapeMismatch` (fixed weights of the wrong count),
    ///   `.nonFiniteParameter` or `.parameterOutOfDomain` (a fixed weight that is not
    ///   finite or has the wrong sign; `index` is the edge).
    /// - Complexity: O(n + m).
    public init(
        nodeCount: Int,
        edges: [(Int, Int)],
        pairwiseWeights: PairwiseWeights = .learned,
        sense: OptimizationSense = .maximize
    ) throws(SolverError) {
        let endpoints = try Self.validatedEdges(edges, nodeCount: nodeCount)
        self.nodeCount = nodeCount
        self.edgeFirst = endpoints.first
        self.edgeSecond = endpoints.second
        self.pairwiseWeights = pairwiseWeights
        self.sense = sense
        switch pairwiseWeights {
        case .learned:
            self.orientedFixedWeights = []
        case .fixed(let weights):
            self.orientedFixedWeights = try Self.validatedFixedWeights(weights, edgeCount: edges.count,
                                                                       sense: sense)
        }
    }
}
