import CombinatorialSolvers
import DifferentiableSolvers
import LatentGraphsKit
import _ExampleSupport

/// Reference points that need no estimator: how well the decoder predicts when told the
/// true tree (it is trained on the truth), a random tree or no edges; and how many edges
/// the minimum spanning tree of the last frame's distances recovers.
struct StructureBaselines: Codable {
    let oracleTrueTreeNLL: Double
    let oracleRandomTreeNLL: Double
    let oracleNoEdgesNLL: Double
    let distanceTreePrecision: Double

    /// The baselines and the decoder trained on the true trees.
    static func measure(splits: Splits, settings: RunSettings) throws -> (StructureBaselines, InteractionDecoder) {
        var trainer = try LatentGraphTrainer(graph: splits.graph, timesteps: splits.train.timesteps,
                                             estimator: .straightThrough, configuration: settings.configuration)
        let batches = (splits.train.count + settings.batchSize - 1) / settings.batchSize
        let progress = ProgressBar("decoder on true trees", total: settings.epochs * batches)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<settings.epochs {
            var order = Array(0..<splits.train.count)
            order.shuffle(using: &generator)
            for batch in 0..<batches {
                let indices = Array(order[(batch * settings.batchSize)..<min((batch + 1) * settings.batchSize, order.count)])
                let nll = try trainer.decoderStep(splits.train, indices: indices, trees: indices.flatMap { splits.train.tree(of: $0) })
                progress.advance(note: String(format: "NLL %.0f", nll))
            }
        }
        progress.finish()
        let test = splits.test, edges = splits.graph.edgeCount
        let indices = Array(0..<test.count)
        let solver = try SpanningTree.completeGraph(vertexCount: splits.graph.vertexCount, sense: .maximize)
        var randomTrees: [Float] = [], distanceScores: [EdgeRecovery] = []
        var noise = SeededGenerator(seed: 11)
        for index in indices {
            randomTrees += try solver.solve(row: (0..<edges).map { _ in noise.nextGumbel() })
            let last = Array(test.frames(of: index).suffix(2 * splits.graph.vertexCount))
            let closeness = splits.graph.undirected.map { pair -> Float in
                let dx = last[2 * pair.first] - last[2 * pair.second], dy = last[2 * pair.first + 1] - last[2 * pair.second + 1]
                return -(dx * dx + dy * dy).squareRoot()
            }
            distanceScores.append(EdgeRecovery(predicted: try solver.solve(row: closeness)[...], truth: test.tree(of: index)))
        }
        func meanNLL(_ trees: [Float]) throws -> Double {
            var total = 0.0
            for start in stride(from: 0, to: test.count, by: settings.evaluationBatchSize) {
                let chunk = Array(start..<min(start + settings.evaluationBatchSize, test.count))
                let rows = chunk.flatMap { index in trees[(index * edges)..<((index + 1) * edges)] }
                total += try trainer.decoderNegativeLogLikelihoods(test, indices: chunk, trees: rows).reduce(0) { $0 + Double($1) }
            }
            return total / Double(test.count)
        }
        let baselines = StructureBaselines(oracleTrueTreeNLL: try meanNLL(test.trees), oracleRandomTreeNLL: try meanNLL(randomTrees),
                                           oracleNoEdgesNLL: try meanNLL([Float](repeating: 0, count: test.trees.count)),
                                           distanceTreePrecision: EdgeRecovery.mean(distanceScores).precision)
        return (baselines, trainer.decoder)
    }
}
