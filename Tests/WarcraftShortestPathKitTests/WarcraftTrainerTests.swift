import Testing
import WarcraftShortestPathKit
import _ExampleSupport

/// Training and evaluation on a tiny set: the loss goes down and the metrics are right.
@Suite struct WarcraftTrainerTests {
    @Test func aFewBlackboxStepsLowerTheLossOnATinySet() throws {
        // A 4 × 4 grid (32 × 32 pixel maps), 8 maps, one batch: the loss of the same batch
        // must fall over a few steps of a fast-learning optimiser.
        let data = try WarcraftGenerator(gridSize: 4, seed: 1).makeDataset(count: 8)
        var settings = WarcraftTrainingSettings(method: .blackbox)
        settings.learningRate = 1e-2
        settings.batchSize = 8
        var trainer = try WarcraftTrainer(gridSize: 4, settings: settings, normalization: ImageNormalization(fitting: data))
        let batch = Array(0..<8)
        var losses: [Float] = []
        for _ in 0..<12 { losses.append(try trainer.step(data, indices: batch).loss) }
        let first = losses.prefix(3).reduce(0, +), last = losses.suffix(3).reduce(0, +)
        #expect(last < first, "losses \(losses)")
    }

    @Test func metricsOfHandMadeCases() {
        var metrics = PathMetrics()
        let weights: [Float] = [1, 1, 5, 1]
        // Masks of four cells; the label 1-0-0-1 costs 2 under `weights`.
        metrics.add(predicted: [1, 0, 0, 1], label: [1, 0, 0, 1], weights: weights)        // perfect
        metrics.add(predicted: [1, 1, 0, 1], label: [1, 0, 0, 1], weights: [1, 0, 5, 1])  // tie: cost-optimal, not perfect
        metrics.add(predicted: [1, 0, 1, 1], label: [1, 0, 0, 1], weights: weights)        // cost 7 vs 2: regret 2.5
        #expect(metrics.count == 3)
        #expect(abs(metrics.perfectMatch - 1.0 / 3) < 1e-12)
        #expect(abs(metrics.costOptimal - 2.0 / 3) < 1e-12)
        #expect(abs(metrics.normalizedRegret - (0 + 0 + 2.5) / 3) < 1e-12)
        #expect(abs(metrics.hammingLoss - 2.0 / 3) < 1e-12)
        #expect(abs(metrics.cellAccuracy - (1 + 0.75 + 0.75) / 3) < 1e-12)
    }

    @Test func normalizationStandardisesEachChannel() throws {
        let data = try WarcraftGenerator(gridSize: 3, seed: 4).makeDataset(count: 4)
        let normalization = ImageNormalization(fitting: data)
        let images = try normalization.images(data, 0..<4).scalars
        let plane = 24 * 24
        for c in 0..<3 {
            var values: [Float] = []
            for b in 0..<4 { values += images[(b * 3 + c) * plane..<(b * 3 + c + 1) * plane] }
            let mean: Float = values.reduce(0, +) / Float(values.count)
            var squares: Float = 0
            for value in values { squares += (value - mean) * (value - mean) }
            let variance: Float = squares / Float(values.count)
            #expect(abs(mean) < 1e-3 && abs(variance - 1) < 1e-2, "channel \(c): mean \(mean), variance \(variance)")
        }
        // Channels first: pixel (0, 0) of map 0, channel 1, comes from byte 1 of the map.
        #expect(abs(images[plane] - (Float(data.maps[1]) - normalization.mean[1]) / normalization.standardDeviation[1]) < 1e-5)
    }

    @Test func badSettingsAreRejectedBeforeTraining() throws {
        let data = try WarcraftGenerator(gridSize: 3, seed: 4).makeDataset(count: 2)
        var settings = WarcraftTrainingSettings()
        settings.batchSize = 0
        #expect(throws: ExampleError.self) {
            try WarcraftTrainer(gridSize: 3, settings: settings, normalization: ImageNormalization(fitting: data))
        }
    }
}
