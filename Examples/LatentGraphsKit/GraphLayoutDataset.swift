import CombinatorialSolvers
import DifferentiableSolvers
import _ExampleSupport

/// Particle trajectories of force-directed layouts of random spanning trees: the
/// graph-layout data of Paulus et al. (2020), used for neural relational inference in the
/// adaptive-IMLE paper (Minervini et al. 2023, Table 2).
///
/// Each example draws Gumbel(0, 1) weights on the edges of the complete graph on n
/// vertices and takes their maximum spanning tree (Kruskal, via ``SpanningTree``); places
/// the vertices at standard-normal positions in ℝ²; runs one ``ForceDirectedLayout`` round
/// (the skipped first step of the reference data) and then records T rounds. The model sees
/// the T frames, never the tree.
///
/// ```swift
/// let train = try GraphLayoutDataset.generate(count: 1000, vertexCount: 10, timesteps: 10,
///                                             seed: 42, split: 0)
/// train.trajectories.count   // 1000 · 10 · 10 · 2
/// ```
public struct GraphLayoutDataset: Sendable, Hashable {
    /// The number of vertices n.
    public let vertexCount: Int
    /// The number of recorded frames T.
    public let timesteps: Int
    /// Positions, [count, T, n, 2] row-major.
    public var trajectories: [Float]
    /// Tree edge indicators, [count, n(n − 1)/2] in ``CompleteGraph`` order.
    public let trees: [Float]

    /// The number of examples.
    public var count: Int { trees.count / max(vertexCount * (vertexCount - 1) / 2, 1) }

    /// Floats per example in ``trajectories``.
    public var frameBlock: Int { timesteps * vertexCount * 2 }

    /// A dataset from its arrays.
    ///
    /// - Throws: ``ExampleError`` when the sizes disagree.
    public init(vertexCount: Int, timesteps: Int, trajectories: [Float], trees: [Float]) throws(ExampleError) {
        guard vertexCount >= 2, timesteps >= 2 else {
            throw ExampleError("need at least 2 vertices and 2 frames (got \(vertexCount), \(timesteps))")
        }
        let edges = vertexCount * (vertexCount - 1) / 2
        guard trees.count % edges == 0, trajectories.count == trees.count / edges * timesteps * vertexCount * 2 else {
            throw ExampleError("\(trajectories.count) positions and \(trees.count) edge indicators do not describe "
                                    + "the same examples of \(vertexCount) vertices and \(timesteps) frames")
        }
        self.vertexCount = vertexCount
        self.timesteps = timesteps
        self.trajectories = trajectories
        self.trees = trees
    }

    /// Generates `count` examples; example `i` depends only on (`seed`, `split`, `i`).
    ///
    /// - Parameters:
    ///   - count: examples, at least 1.
    ///   - vertexCount: n, at least 2.
    ///   - timesteps: T, at least 2.
    ///   - seed: the seed.
    ///   - split: a stream identifier, so train/valid/test differ for one seed.
    /// - Throws: ``ExampleError`` for bad sizes.
    /// - Complexity: O(count · T · n²).
    public static func generate(count: Int, vertexCount: Int, timesteps: Int, seed: UInt64,
                                split: UInt64) throws(ExampleError) -> GraphLayoutDataset {
        guard count >= 1 else { throw ExampleError("a dataset needs at least one example (got \(count))") }
        let graph = try CompleteGraph(vertexCount: vertexCount)
        let solver: SpanningTree
        do { solver = try SpanningTree.completeGraph(vertexCount: vertexCount, sense: .maximize) } catch {
            throw ExampleError("cannot build the spanning-tree solver: \(error)")
        }
        var trajectories: [Float] = []
        trajectories.reserveCapacity(count * timesteps * vertexCount * 2)
        var trees: [Float] = []
        trees.reserveCapacity(count * graph.edgeCount)
        for index in 0..<count {
            var generator = SeededGenerator(seed: seed, stream: [split, UInt64(index)])
            let weights = (0..<graph.edgeCount).map { _ in generator.nextGumbel() }
            let tree: [Float]
            do { tree = try solver.solve(row: weights) } catch {
                throw ExampleError("Kruskal failed on example \(index): \(error)")
            }
            trees += tree
            let adjacency = graph.adjacency(of: tree[...])
            var positions = (0..<(2 * vertexCount)).map { _ in generator.nextNormal() }
            for _ in 0..<timesteps {
                positions = ForceDirectedLayout.step(positions: positions, adjacency: adjacency, vertexCount: vertexCount)
                trajectories += positions.map { Float($0) }
            }
        }
        return try GraphLayoutDataset(vertexCount: vertexCount, timesteps: timesteps,
                                      trajectories: trajectories, trees: trees)
    }

    /// The smallest and largest coordinate.
    public var range: ClosedRange<Float> {
        (trajectories.min() ?? 0)...(trajectories.max() ?? 0)
    }

    /// The dataset with coordinates mapped affinely from `range` to [−1, 1] (the reference
    /// loader normalises all splits with the training split's range).
    public func normalized(from range: ClosedRange<Float>) -> GraphLayoutDataset {
        let width = max(range.upperBound - range.lowerBound, .leastNormalMagnitude)
        var copy = self
        copy.trajectories = trajectories.map { ($0 - range.lowerBound) * 2 / width - 1 }
        return copy
    }

    /// The T frames of example `index`, [T, n, 2].
    public func frames(of index: Int) -> ArraySlice<Float> {
        trajectories[(index * frameBlock)..<((index + 1) * frameBlock)]
    }

    /// The tree indicator of example `index`.
    public func tree(of index: Int) -> ArraySlice<Float> {
        let edges = vertexCount * (vertexCount - 1) / 2
        return trees[(index * edges)..<((index + 1) * edges)]
    }
}
