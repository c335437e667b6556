import DifferentiableSolvers
import GraphCutSolver
import Testing

@Suite("Bad input yields typed errors")
struct GraphCutBadInputTests {
    /// The error `body` throws, or nil when it does not throw.
    private func error(_ body: () throws -> Void) -> SolverError? {
        do { try body(); return nil } catch { return error as? SolverError }
    }

    @Test("structures that cannot be cut",
          arguments: [
            (0, [(Int, Int)](), nil as Int?),      // no nodes
            (-3, [], nil),                          // negative node count
            (3, [(0, 3)], 0),                       // endpoint out of range
            (3, [(0, 1), (-1, 2)], 1),              // negative endpoint
            (3, [(0, 1), (2, 2)], 1),               // self-loop
            (3, [(0, 1), (1, 2), (0, 1)], 2),       // repeated edge
            (3, [(0, 1), (1, 2), (2, 1)], 2),       // repeated edge, reversed
          ])
    func invalidStructure(nodeCount: Int, edges: [(Int, Int)], badEdge: Int?) {
        let failure = error { _ = try GraphCutSolver(nodeCount: nodeCount, edges: edges) }
        #expect(failure?.kind == .invalidStructure)
        #expect(failure?.index == badEdge)
        #expect(failure?.message.isEmpty == false)
    }

    @Test("empty grids")
    func emptyGrid() {
        #expect(error { _ = try GraphCutSolver(gridRows: 0, columns: 3) }?.kind == .invalidStructure)
        #expect(error { _ = try GraphCutSolver(gridRows: 2, columns: -1, connectivity: .eight) }?.kind
                == .invalidStructure)
        #expect(error { _ = try GraphCutSolver(gridRows: Int.max, columns: 2) }?.kind == .invalidStructure)
    }

    @Test("a learned weight of the wrong sign names its edge and the requirement",
          arguments: [(OptimizationSense.maximize, Float(-0.25)), (.minimize, 0.25)])
    func learnedWeightOutOfDomain(sense: OptimizationSense, weight: Float) throws {
        let solver = try GraphCutSolver(nodeCount: 3, edges: [(0, 1), (1, 2)], sense: sense)
        let failure = error { _ = try solver.solve(row: [0, 0, 0, 0, weight]) }
        #expect(failure?.kind == .parameterOutOfDomain)
        #expect(failure?.index == 1)
        #expect(failure?.message.contains("softplus") == true)
        #expect(failure?.message.contains(sense == .maximize ? "supermodular" : "submodular") == true)
    }

    @Test("fixed weights: wrong count, wrong sign, not finite")
    func invalidFixedWeights() {
        let edges = [(0, 1), (1, 2)]
        func make(_ weights: [Float], _ sense: OptimizationSense = .maximize) -> SolverError? {
            error { _ = try GraphCutSolver(nodeCount: 3, edges: edges, pairwiseWeights: .fixed(weights), sense: sense) }
        }
        #expect(make([1])?.kind == .shapeMismatch)
        #expect(make([1, -1])?.kind == .parameterOutOfDomain)
        #expect(make([1, -1])?.index == 1)
        #expect(make([-1, 0], .minimize) == nil)
        #expect(make([1, 0], .minimize)?.kind == .parameterOutOfDomain)
        #expect(make([.nan, 1])?.kind == .nonFiniteParameter)
        #expect(make([1, .infinity])?.index == 1)
    }

    @Test("θ of the wrong length or not finite")
    func invalidTheta() throws {
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)])
        #expect(error { _ = try solver.solve(row: [0, 0]) }?.kind == .shapeMismatch)
        #expect(error { _ = try solver.solve(row: [0, .nan, 1]) }?.kind == .nonFiniteParameter)
        // The direct entry points check too, without the batch validation in front.
        let direct = error { _ = try solver.minimumCut(theta: [0, 0, .infinity]) }
        #expect(direct?.kind == .nonFiniteParameter)
        #expect(direct?.index == 2)   // the θ entry, as the batch validation reports it
        #expect(error { _ = try solver.minimumCut(theta: [.nan, 0, 1]) }?.index == 0)
        #expect(error { _ = try solver.minimumCut(theta: [1]) }?.kind == .shapeMismatch)
        var workspace = solver.makeWorkspace()
        var short = [Float](repeating: 0, count: 2)
        var span = short.mutableSpan
        let theta: [Float] = [0, 0, 1]
        #expect(error { try solver.solve(theta.span, into: &span, workspace: &workspace) }?.kind == .shapeMismatch)
    }

    @Test("huge but finite parameters neither overflow nor fail")
    func extremeMagnitudes() throws {
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)])
        // f(1,1) = −10³⁰ + 2·10³⁰ + Float.max is the clear maximum.
        #expect(try solver.solve(row: [-1e30, 2e30, .greatestFiniteMagnitude]) == [1, 1, 1])
        #expect(try solver.solve(row: [-.greatestFiniteMagnitude, -1, 1e30]) == [0, 0, 0])
    }
}
