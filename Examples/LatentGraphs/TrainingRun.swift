import DifferentiableSolvers
import Foundation
import LatentGraphsKit
import _ExampleSupport

/// The train/valid/test splits of one experiment.
struct Splits {
    let train: GraphLayoutDataset
    let valid: GraphLayoutDataset
    let test: GraphLayoutDataset
    let graph: CompleteGraph
}

/// Scores after one epoch.
struct EpochRecord: Codable {
    let epoch: Int
    let trainNegativeLogLikelihood: Double
    let trainDivergence: Double
    let validELBO: Double
    let validPrecision: Double
    let validModePrecision: Double
    let seconds: Double
}

/// One trained model: its curves and its held-out scores at the epoch of best validation ELBO.
struct RunResult: Codable {
    let estimator: EstimatorChoice
    let estimatorName: String
    let lambda: Float?
    let seed: UInt64
    let epochs: [EpochRecord]
    let bestEpoch: Int
    let valid: LatentGraphEvaluation
    let test: LatentGraphEvaluation
    let secondsPerEpoch: Double
}

/// Training settings shared by all runs.
struct RunSettings {
    let configuration: LatentGraphConfiguration
    let epochs: Int
    let batchSize: Int
    let evaluationBatchSize: Int
    /// A decoder to install and keep fixed (the encoder alone is trained), or nil.
    var fixedDecoder: InteractionDecoder? = nil
    /// Where to write a per-step trace of the estimator (α, λ, sparsity, ‖∂L/∂θ‖), or nil.
    var traceDirectory: OutputDirectory? = nil
    /// Steps between cosines with the reference gradient in the trace; nil measures none.
    var traceEvery: Int? = nil
    /// Trees per example of the reference gradient.
    var referenceSamples = 200
}

enum TrainingRun {
    /// Trains one model and scores the epoch with the best validation ELBO.
    static func train(_ choice: EstimatorChoice, estimator: any GradientEstimator, seed: UInt64, splits: Splits,
                      settings: RunSettings) throws -> RunResult {
        var configuration = settings.configuration
        configuration.seed = seed
        var trainer = try LatentGraphTrainer(graph: splits.graph, timesteps: splits.train.timesteps,
                                             estimator: estimator, configuration: configuration)
        if let decoder = settings.fixedDecoder {
            trainer.decoder = decoder
            trainer.trainsDecoder = false
        }
        let batchesPerEpoch = (splits.train.count + settings.batchSize - 1) / settings.batchSize
        let progress = ProgressBar(estimator.name + " seed \(seed)", total: settings.epochs * batchesPerEpoch)
        var records: [EpochRecord] = []
        var best = trainer, bestELBO = -Double.infinity, bestEpoch = 0
        var generator = SeededGenerator(seed: seed, stream: [0x5348])
        var trace = TrainingTrace(target: estimator.adaptiveTarget ?? 0)
        for epoch in 1...settings.epochs {
            let start = Date()
            var order = Array(0..<splits.train.count)
            order.shuffle(using: &generator)
            var likelihood = 0.0, divergence = 0.0
            for batch in 0..<batchesPerEpoch {
                let indices = Array(order[(batch * settings.batchSize)..<min((batch + 1) * settings.batchSize, order.count)])
                let step = (epoch - 1) * batchesPerEpoch + batch
                let measure = settings.traceEvery.map { step % $0 == 0 } ?? false
                let losses = try trainer.trainingStep(splits.train, indices: indices,
                                                      referenceSamples: measure ? settings.referenceSamples : nil)
                trace.append(TrainingTrace.Step(step: step, statistics: losses.backward,
                                                gradientNorm: losses.estimatorGradientNorm, referenceCosine: losses.referenceCosine))
                likelihood += Double(losses.negativeLogLikelihood)
                divergence += Double(losses.divergence)
                progress.advance(note: String(format: "NLL %.0f KL %.2f", losses.negativeLogLikelihood, losses.divergence))
            }
            let seconds = Date().timeIntervalSince(start)
            let valid = try trainer.evaluate(splits.valid, batchSize: settings.evaluationBatchSize, seed: 1)
            records.append(EpochRecord(epoch: epoch, trainNegativeLogLikelihood: likelihood / Double(batchesPerEpoch),
                                       trainDivergence: divergence / Double(batchesPerEpoch), validELBO: valid.elbo,
                                       validPrecision: valid.sampled.precision, validModePrecision: valid.mode.precision,
                                       seconds: seconds))
            if valid.elbo > bestELBO { best = trainer; bestELBO = valid.elbo; bestEpoch = epoch }
        }
        progress.finish()
        if let directory = settings.traceDirectory {
            try trace.write(into: directory, name: "trace-\(choice.rawValue)-\(lambdaLabel(estimator))seed\(seed)")
        }
        let valid = try best.evaluate(splits.valid, batchSize: settings.evaluationBatchSize, seed: 1)
        let test = try best.evaluate(splits.test, batchSize: settings.evaluationBatchSize, seed: 2)
        let lambda: Float? = (estimator as? IMLE)?.lambda
        return RunResult(estimator: choice, estimatorName: estimator.name, lambda: lambda, seed: seed, epochs: records,
                         bestEpoch: bestEpoch, valid: valid, test: test,
                         secondsPerEpoch: records.map(\.seconds).reduce(0, +) / Double(max(records.count, 1)))
    }

    /// "λ10-" for IMLE runs (one per λ of the grid), "" otherwise.
    static func lambdaLabel(_ estimator: any GradientEstimator) -> String {
        if let imle = estimator as? IMLE { "λ\(imle.lambda)-" } else { "" }
    }
}
