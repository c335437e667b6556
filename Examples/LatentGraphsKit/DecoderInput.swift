import TensorLayers
import _ExampleSupport

/// What the decoder needs to predict a trajectory: the frames it starts from and the
/// frames it must reach.
///
/// With `predictionSteps` k, the decoder starts from frames 0, k, 2k, … below T − 1 and rolls
/// out k steps from each, feeding its own predictions back (the reference trains with k = 9
/// for T = 10 and k = 10 for T = 20); k = 1 is teacher forcing (every frame predicted from the
/// true previous one, as the reference evaluates). When k does not divide T − 1 the last
/// rollout runs past the final frame, and its steps beyond it are masked out of the loss, as
/// the reference drops predictions past T − 1 (Kipf et al. 2018's decoder).
///
/// Each example is repeated `samples` times (consecutively), to match the per-sample rows of
/// the spanning-tree layer.
public struct DecoderInput: Sendable {
    /// The starting positions, [R · c · n, 2] with c = ⌈(T − 1)/k⌉ starts, rows ordered
    /// (row, start, vertex).
    public let starts: Tensor
    /// The target positions after 1, 2, …, k steps, each shaped like ``starts``.
    public let targets: [Tensor]
    /// For each step, `nil` when every start has a frame to reach, else 1 where it has and 0
    /// where the rollout has run past the last frame (shaped like ``starts``).
    public let targetMasks: [Tensor?]
    /// A [1, c] tensor of ones, used to repeat the edges over the starts.
    public let startOnes: Tensor
    /// The number of rows R (examples × samples).
    public let rows: Int
    /// The number of starts c per row.
    public let startCount: Int

    /// The decoder input of examples `indices`, each repeated `samples` times.
    ///
    /// - Throws: ``ExampleError`` for an empty batch, fewer than one sample, or k outside
    ///   1 … T − 1.
    public init(_ dataset: GraphLayoutDataset, indices: [Int], samples: Int, graph: CompleteGraph,
                predictionSteps: Int = 1) throws(ExampleError) {
        guard !indices.isEmpty, samples >= 1 else {
            throw ExampleError("a decoder batch needs at least one example and one sample")
        }
        let n = dataset.vertexCount, transitions = dataset.timesteps - 1
        guard (1...max(transitions, 1)).contains(predictionSteps) else {
            throw ExampleError("the prediction steps must be between 1 and T − 1 = \(transitions) (got \(predictionSteps))")
        }
        let startCount = (transitions + predictionSteps - 1) / predictionSteps, rows = indices.count * samples
        var startValues: [Float] = []
        var targetValues = [[Float]](repeating: [], count: predictionSteps)
        var maskValues = [[Float]](repeating: [], count: predictionSteps)
        for index in indices {
            let frames = Array(dataset.frames(of: index))
            func frame(_ t: Int) -> ArraySlice<Float> { frames[(t * n * 2)..<((t + 1) * n * 2)] }
            for _ in 0..<samples {
                for start in stride(from: 0, to: transitions, by: predictionSteps) {
                    startValues += frame(start)
                    for step in 0..<predictionSteps {
                        // Past the last frame the target is a placeholder (the last frame), masked out.
                        let exists = start + step + 1 <= transitions
                        targetValues[step] += frame(min(start + step + 1, transitions))
                        maskValues[step] += repeatElement(exists ? 1 : 0, count: n * 2)
                    }
                }
            }
        }
        do {
            let shape = [rows * startCount * n, 2]
            starts = try Tensor(shape: shape, scalars: startValues)
            var built: [Tensor] = [], masks: [Tensor?] = []
            for (values, mask) in zip(targetValues, maskValues) {
                built.append(try Tensor(shape: shape, scalars: values))
                masks.append(mask.allSatisfy { $0 == 1 } ? nil : try Tensor(shape: shape, scalars: mask))
            }
            targets = built
            targetMasks = masks
            startOnes = try Tensor(repeating: 1, shape: [1, startCount])
        } catch {
            throw ExampleError("cannot build the decoder input: \(error)")
        }
        self.rows = rows
        self.startCount = startCount
    }
}
