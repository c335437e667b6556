import DifferentiableSolvers
import GLPKSolver

/// Random combinatorial problems written as integer linear programs, shared by the
/// property tests.
enum ILPInstances {
    /// A random multi-dimensional 0/1 knapsack: `items` binaries, `dimensions` capacity
    /// rows with integer weights in 1...20 and capacities about half the row sums.
    static func knapsack(items: Int, dimensions: Int, using rng: inout SeededGenerator)
        -> (program: LinearProgram, weights: [[Int]], capacities: [Int])
    {
        let weights = (0..<dimensions).map { _ in (0..<items).map { _ in Int.random(in: 1...20, using: &rng) } }
        let capacities = weights.map { row in max(1, row.reduce(0, +) * Int.random(in: 30...60, using: &rng) / 100) }
        let program = LinearProgram(
            sense: .maximize,
            variables: Array(repeating: .binary(), count: items),
            constraints: zip(weights, capacities).map { row, capacity in
                .init(dense: row.map(Double.init), bounds: .atMost(Double(capacity)))
            })
        return (program, weights, capacities)
    }

    /// Assignment of n workers to n jobs: variable i·n + j says worker i does job j; each
    /// worker does one job and each job gets one worker. `kind` chooses binary variables
    /// (branch-and-cut) or continuous ones in [0, 1] (the simplex method; the constraint
    /// matrix is totally unimodular, so vertices are permutation matrices).
    static func assignment(size n: Int, kind: VariableKind, sense: OptimizationSense) -> LinearProgram {
        let variable: LinearProgram.Variable = kind == .binary
            ? .binary() : LinearProgram.Variable(kind: kind, bounds: .between(0, 1))
        let workers = (0..<n).map { i in
            LinearProgram.Constraint(terms: (0..<n).map { .init(i * n + $0, 1) }, bounds: .exactly(1))
        }
        let jobs = (0..<n).map { j in
            LinearProgram.Constraint(terms: (0..<n).map { .init($0 * n + j, 1) }, bounds: .exactly(1))
        }
        return LinearProgram(sense: sense, variables: Array(repeating: variable, count: n * n),
                             constraints: workers + jobs)
    }

    /// A random DAG on `nodes` vertices (edges i → j only for i < j; the chain
    /// i → i + 1 always present so the sink is reachable) and its s–t path ILP: one binary
    /// per edge, flow conservation with one unit leaving vertex 0 and entering the last.
    static func shortestPath(nodes: Int, using rng: inout SeededGenerator)
        -> (program: LinearProgram, edges: [(from: Int, to: Int)])
    {
        var edges: [(from: Int, to: Int)] = []
        for i in 0..<nodes {
            for j in (i + 1)..<max(nodes, i + 1) where j == i + 1 || rng.nextUniform() < 0.45 {
                edges.append((i, j))
            }
        }
        let conservation = (0..<nodes).map { v in
            let terms = edges.indices.compactMap { e -> LinearProgram.Term? in
                if edges[e].from == v { return .init(e, 1) }
                if edges[e].to == v { return .init(e, -1) }
                return nil
            }
            let supply: Double = v == 0 ? 1 : (v == nodes - 1 ? -1 : 0)
            return LinearProgram.Constraint(terms: terms, bounds: .exactly(supply))
        }
        let program = LinearProgram(sense: .minimize, variables: Array(repeating: .binary(), count: edges.count),
                                    constraints: conservation)
        return (program, edges)
    }

    /// Every 0 → (nodes − 1) path of a DAG as an edge-indicator vector.
    static func allPaths(nodes: Int, edges: [(from: Int, to: Int)]) -> [[Float]] {
        var paths: [[Float]] = []
        var current = [Float](repeating: 0, count: edges.count)
        func extend(_ v: Int) {
            if v == nodes - 1 { paths.append(current); return }
            for e in edges.indices where edges[e].from == v {
                current[e] = 1
                extend(edges[e].to)
                current[e] = 0
            }
        }
        extend(0)
        return paths
    }

    /// `count` values uniform in (low, high).
    static func uniform(_ count: Int, _ low: Double, _ high: Double, using rng: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in Float(low + (high - low) * rng.nextUniform()) }
    }
}
