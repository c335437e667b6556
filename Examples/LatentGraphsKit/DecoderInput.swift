import TensorLayers

/// What the decoder needs to predict frame t + 1 from frame t for t = 0 … T − 2 (teacher
/// forcing): the current positions, the targets, and the features of every directed pair
/// (receiver i, sender j) at every frame.
///
/// The pair features are u = x_j − x_i and d = ‖u‖ shaped like the two Fruchterman–Reingold
/// forces — (u, d, u·d, u/(d² + 0.01)) — so that a small network can express both the
/// attraction along tree edges and the repulsion between all pairs. The tree itself enters
/// only through the edge indicators z the decoder is called with.
///
/// Each example is repeated `samples` times (consecutively), to match the per-sample rows of
/// the spanning-tree layer.
public struct DecoderInput: Sendable {
    /// The number of pair features.
    public static let pairFeatureCount = 7
    /// Pair features, [R · (T − 1) · n(n − 1), 7], rows ordered (row, step, directed edge).
    public let pairs: Tensor
    /// Current positions, [R · (T − 1) · n, 2].
    public let current: Tensor
    /// Next positions, [R · (T − 1) · n, 2].
    public let next: Tensor
    /// A [1, T − 1] tensor of ones, used to repeat the edges over the steps.
    public let stepOnes: Tensor
    /// The number of rows R (examples × samples).
    public let rows: Int
    /// The number of predicted steps T − 1.
    public let steps: Int

    /// The decoder input of examples `indices`, each repeated `samples` times.
    ///
    /// - Throws: ``LatentGraphsError`` for an empty batch or fewer than one sample.
    public init(_ dataset: GraphLayoutDataset, indices: [Int], samples: Int, graph: CompleteGraph) throws(LatentGraphsError) {
        guard !indices.isEmpty, samples >= 1 else {
            throw LatentGraphsError("a decoder batch needs at least one example and one sample")
        }
        let n = dataset.vertexCount, steps = dataset.timesteps - 1
        var pairValues: [Float] = [], currentValues: [Float] = [], nextValues: [Float] = []
        let rows = indices.count * samples
        pairValues.reserveCapacity(rows * steps * graph.directedCount * Self.pairFeatureCount)
        for index in indices {
            let frames = Array(dataset.frames(of: index))
            var examplePairs: [Float] = [], exampleCurrent: [Float] = [], exampleNext: [Float] = []
            for t in 0..<steps {
                let now = t * n * 2, later = (t + 1) * n * 2
                exampleCurrent += frames[now..<(now + 2 * n)]
                exampleNext += frames[later..<(later + 2 * n)]
                for edge in graph.directed {
                    let ux = frames[now + 2 * edge.sender] - frames[now + 2 * edge.receiver]
                    let uy = frames[now + 2 * edge.sender + 1] - frames[now + 2 * edge.receiver + 1]
                    let d = (ux * ux + uy * uy).squareRoot()
                    let inverse = 1 / (d * d + 0.01)
                    examplePairs += [ux, uy, d, ux * d, uy * d, ux * inverse, uy * inverse]
                }
            }
            for _ in 0..<samples {
                pairValues += examplePairs
                currentValues += exampleCurrent
                nextValues += exampleNext
            }
        }
        do {
            pairs = try Tensor(shape: [rows * steps * graph.directedCount, Self.pairFeatureCount], scalars: pairValues)
            current = try Tensor(shape: [rows * steps * n, 2], scalars: currentValues)
            next = try Tensor(shape: [rows * steps * n, 2], scalars: nextValues)
            stepOnes = try Tensor(repeating: 1, shape: [1, steps])
        } catch {
            throw LatentGraphsError("cannot build the decoder input: \(error)")
        }
        self.rows = rows
        self.steps = steps
    }
}
