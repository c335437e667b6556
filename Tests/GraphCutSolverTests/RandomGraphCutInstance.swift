import DifferentiableSolvers
import GraphCutSolver

/// A random small graph-cut problem: structure, θ, and the matching exhaustive energy.
struct RandomGraphCutInstance {
    /// How a family of instances draws its graphs and parameters.
    struct Family: Sendable, CustomStringConvertible {
        var description: String
        var seed: UInt64
        var count: Int
        var isGrid: Bool
        var connectivity: GridConnectivity = .four
        var fixedWeights = false
        var sense: OptimizationSense = .maximize
        /// Draw from small value sets (many ties) instead of continuous values.
        var ties = true
    }

    var solver: GraphCutSolver
    var theta: [Float]
    var energy: ExhaustiveBinaryEnergy

    static let unaryValues: [Float] = [-2, -1, -0.5, 0, 0.5, 1, 2]
    static let weightValues: [Float] = [0, 0.5, 1, 1.5]

    init(family: Family, index: Int) throws {
        var rng = SeededGenerator(seed: family.seed, stream: [UInt64(index)])
        var grid: (rows: Int, columns: Int)?
        let nodeCount: Int
        let edges: [(Int, Int)]
        if family.isGrid {
            let rows = Int.random(in: 1...4, using: &rng)
            let columns = Int.random(in: 1...(14 / rows), using: &rng)
            grid = (rows, columns)
            nodeCount = rows * columns
            edges = Self.gridEdgesFromDefinition(rows: rows, columns: columns, connectivity: family.connectivity)
        } else {
            nodeCount = Int.random(in: 1...14, using: &rng)
            edges = Self.randomEdges(nodeCount: nodeCount, using: &rng)
        }
        let sign: Float = family.sense == .maximize ? 1 : -1
        let unaries = (0..<nodeCount).map { _ in Self.draw(Self.unaryValues, -2...2, ties: family.ties, using: &rng) }
        let weights = edges.map { _ in sign * Self.draw(Self.weightValues, 0...1.5, ties: family.ties, using: &rng) }
        let pairwise: GraphCutSolver.PairwiseWeights = family.fixedWeights ? .fixed(weights) : .learned
        if let grid {
            solver = try GraphCutSolver(gridRows: grid.rows, columns: grid.columns, connectivity: family.connectivity,
                                        pairwiseWeights: pairwise, sense: family.sense)
        } else {
            solver = try GraphCutSolver(nodeCount: nodeCount, edges: edges, pairwiseWeights: pairwise,
                                        sense: family.sense)
        }
        theta = family.fixedWeights ? unaries : unaries + weights
        energy = ExhaustiveBinaryEnergy(unaries: unaries.map(Double.init), edges: edges,
                                        weights: weights.map(Double.init))
    }

    private static func draw(_ values: [Float], _ range: ClosedRange<Float>, ties: Bool,
                             using rng: inout SeededGenerator) -> Float {
        ties ? values.randomElement(using: &rng)! : Float.random(in: range, using: &rng)
    }

    /// Each pair joined with a random density, listed in random order and orientation.
    private static func randomEdges(nodeCount: Int, using rng: inout SeededGenerator) -> [(Int, Int)] {
        let density = [0.2, 0.5, 0.9].randomElement(using: &rng)!
        var edges: [(Int, Int)] = []
        for u in 0..<nodeCount {
            for v in (u + 1)..<max(nodeCount, u + 1) where Double.random(in: 0..<1, using: &rng) < density {
                edges.append(Bool.random(using: &rng) ? (u, v) : (v, u))
            }
        }
        edges.shuffle(using: &rng)
        return edges
    }

    /// The grid edge order the solver documents, written out independently.
    static func gridEdgesFromDefinition(rows: Int, columns: Int, connectivity: GridConnectivity) -> [(Int, Int)] {
        var edges: [(Int, Int)] = []
        func node(_ r: Int, _ c: Int) -> Int { r * columns + c }
        for r in 0..<rows {
            for c in 0..<columns {
                var neighbours = [(r, c + 1), (r + 1, c)]
                if connectivity == .eight { neighbours += [(r + 1, c + 1), (r + 1, c - 1)] }
                for (nr, nc) in neighbours where nr < rows && nc >= 0 && nc < columns {
                    edges.append((node(r, c), node(nr, nc)))
                }
            }
        }
        return edges
    }
}
