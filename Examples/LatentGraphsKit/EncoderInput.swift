import TensorLayers
import _ExampleSupport

/// What the encoder sees of a batch of trajectories: every vertex's trajectory and, for
/// every undirected edge {i, j} (i < j), the relative trajectory x_j(t) − x_i(t) with its
/// length at every frame.
///
/// ```swift
/// let input = try EncoderInput(dataset, indices: [0, 1, 2], graph: graph)
/// input.vertices.shape   // [3 · n, 2T]
/// input.pairs.shape      // [3 · E, 3T]
/// ```
public struct EncoderInput: Sendable {
    /// Vertex trajectories, [B · n, 2T].
    public let vertices: Tensor
    /// Edge features, [B · E, 3T]: (Δx, Δy, ‖Δ‖) per frame.
    public let pairs: Tensor
    /// The batch size B.
    public let batchSize: Int

    /// The encoder input of examples `indices` of `dataset`.
    ///
    /// - Throws: ``ExampleError`` for an empty batch.
    public init(_ dataset: GraphLayoutDataset, indices: [Int], graph: CompleteGraph) throws(ExampleError) {
        guard !indices.isEmpty else { throw ExampleError("a batch needs at least one example") }
        let n = dataset.vertexCount, steps = dataset.timesteps
        var vertexValues: [Float] = [], pairValues: [Float] = []
        vertexValues.reserveCapacity(indices.count * n * 2 * steps)
        pairValues.reserveCapacity(indices.count * graph.edgeCount * 3 * steps)
        for index in indices {
            let frames = Array(dataset.frames(of: index))
            for vertex in 0..<n {
                for t in 0..<steps {
                    vertexValues.append(frames[(t * n + vertex) * 2])
                    vertexValues.append(frames[(t * n + vertex) * 2 + 1])
                }
            }
            for pair in graph.undirected {
                for t in 0..<steps {
                    let dx = frames[(t * n + pair.second) * 2] - frames[(t * n + pair.first) * 2]
                    let dy = frames[(t * n + pair.second) * 2 + 1] - frames[(t * n + pair.first) * 2 + 1]
                    pairValues += [dx, dy, (dx * dx + dy * dy).squareRoot()]
                }
            }
        }
        do {
            vertices = try Tensor(shape: [indices.count * n, 2 * steps], scalars: vertexValues)
            pairs = try Tensor(shape: [indices.count * graph.edgeCount, 3 * steps], scalars: pairValues)
        } catch {
            throw ExampleError("cannot build the encoder input: \(error)")
        }
        batchSize = indices.count
    }
}
