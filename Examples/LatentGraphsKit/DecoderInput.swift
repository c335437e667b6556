import TensorLayers

/// What the decoder needs to predict a trajectory: the frames it starts from and the
/// frames it must reach.
///
/// With `predictionSteps` k, the decoder starts from frames 0, k, 2k, … and rolls out k steps
/// from each, feeding its own predictions back (the reference trains with k = 9 for T = 10);
/// k = 1 is teacher forcing (every frame predicted from the true previous one, as the
/// reference evaluates). k must divide T − 1.
///
/// Each example is repeated `samples` times (consecutively), to match the per-sample rows of
/// the spanning-tree layer.
public struct DecoderInput: Sendable {
    /// The starting positions, [R · c · n, 2] with c = (T − 1)/k starts, rows ordered
    /// (row, start, vertex).
    public let starts: Tensor
    /// The target positions after 1, 2, …, k steps, each shaped like ``starts``.
    public let targets: [Tensor]
    /// A [1, c] tensor of ones, used to repeat the edges over the starts.
    public let startOnes: Tensor
    /// The number of rows R (examples × samples).
    public let rows: Int
    /// The number of starts c per row.
    public let startCount: Int

    /// The decoder input of examples `indices`, each repeated `samples` times.
    ///
    /// - Throws: ``LatentGraphsError`` for an empty batch, fewer than one sample, or a k that
    ///   does not divide T − 1.
    public init(_ dataset: GraphLayoutDataset, indices: [Int], samples: Int, graph: CompleteGraph,
                predictionSteps: Int = 1) throws(LatentGraphsError) {
        guard !indices.isEmpty, samples >= 1 else {
            throw LatentGraphsError("a decoder batch needs at least one example and one sample")
        }
        let n = dataset.vertexCount, transitions = dataset.timesteps - 1
        guard predictionSteps >= 1, transitions % predictionSteps == 0 else {
            throw LatentGraphsError("the prediction steps (\(predictionSteps)) must divide T − 1 = \(transitions)")
        }
        let startCount = transitions / predictionSteps, rows = indices.count * samples
        var startValues: [Float] = []
        var targetValues = [[Float]](repeating: [], count: predictionSteps)
        for index in indices {
            let frames = Array(dataset.frames(of: index))
            func frame(_ t: Int) -> ArraySlice<Float> { frames[(t * n * 2)..<((t + 1) * n * 2)] }
            for _ in 0..<samples {
                for start in stride(from: 0, to: transitions, by: predictionSteps) {
                    startValues += frame(start)
                    for step in 0..<predictionSteps { targetValues[step] += frame(start + step + 1) }
                }
            }
        }
        do {
            let shape = [rows * startCount * n, 2]
            starts = try Tensor(shape: shape, scalars: startValues)
            var built: [Tensor] = []
            for values in targetValues { built.append(try Tensor(shape: shape, scalars: values)) }
            targets = built
            startOnes = try Tensor(repeating: 1, shape: [1, startCount])
        } catch {
            throw LatentGraphsError("cannot build the decoder input: \(error)")
        }
        self.rows = rows
        self.startCount = startCount
    }
}
