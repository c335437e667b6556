import ArgumentParser
import DifferentiableSolvers
import Foundation
import TensorLayers
import WarcraftData
import _ExampleSupport

/// Trains one method for the requested epochs, evaluating on the test set and saving a
/// checkpoint (model parameters, batch-norm statistics, history, AIMLE state) after every
/// epoch; with `resume`, continues from the last checkpoint. Adam's moment estimates are
/// not checkpointed: a resumed run restarts them.
struct MethodTraining {
    let settings: WarcraftTrainingSettings
    let epochs: Int
    let directory: OutputDirectory
    let resume: Bool

    var checkpointName: String { "checkpoint-\(settings.method.rawValue)" }

    func run(train: WarcraftDataset, test: WarcraftDataset, normalization: ImageNormalization) throws
        -> (run: MethodRun, trainer: WarcraftTrainer) {
        var trainer = try WarcraftTrainer(gridSize: train.gridSize, settings: settings, normalization: normalization)
        var run = MethodRun(method: settings.method.rawValue, estimator: settings.estimator.name, settings: settings,
                            history: [], layerStep: 0, adaptiveState: nil)
        let stateURL = directory.file(checkpointName + ".json"), modelURL = directory.file(checkpointName + ".dstl")
        if resume, FileManager.default.fileExists(atPath: stateURL.path) {
            run = try JSONDecoder().decode(MethodRun.self, from: Data(contentsOf: stateURL))
            guard run.settings == settings else {
                throw ValidationError("the checkpoint \(stateURL.lastPathComponent) was made with other settings; drop --resume or change --output")
            }
            try Checkpoint.load(into: &trainer.model, from: modelURL)
            trainer.layer.step = run.layerStep
            if let snapshot = run.adaptiveState { trainer.layer.adaptiveState.restore(snapshot) }
            say("Resuming \(settings.method.rawValue) after epoch \(run.history.count).")
        }
        let schedule = StepSchedule(initial: settings.learningRate, milestones: settings.milestones)
        let stepsPerEpoch = (train.count + settings.batchSize - 1) / settings.batchSize
        for epoch in run.history.count..<epochs {
            trainer.optimizer.learningRate = schedule.learningRate(atEpoch: epoch)
            var generator = SeededGenerator(seed: settings.seed, stream: [0x73687566, UInt64(epoch)])
            let order = Array(0..<train.count).shuffled(using: &generator)
            let progress = ProgressBar("\(settings.method.rawValue) epoch \(epoch + 1)/\(epochs)", total: stepsPerEpoch)
            var loss = 0.0, solver = 0.0, network = 0.0
            for start in stride(from: 0, to: order.count, by: settings.batchSize) {
                let batch = Array(order[start..<min(start + settings.batchSize, order.count)])
                let result = try trainer.step(train, indices: batch)
                loss += Double(result.loss)
                solver += result.solverSeconds
                network += result.networkSeconds
                let perSecond = Double(batch.count) / (result.solverSeconds + result.networkSeconds)
                progress.advance(note: String(format: "loss %.2f  %.0f maps/s", result.loss, perSecond))
            }
            progress.finish()
            let metrics = try trainer.evaluate(test)
            let record = EpochRecord(
                epoch: epoch + 1, trainingLoss: loss / Double(stepsPerEpoch), test: metrics, trainingSeconds: solver + network,
                solverSeconds: solver, networkSeconds: network, steps: stepsPerEpoch,
                learningRate: trainer.optimizer.learningRate, alpha: trainer.layer.adaptiveState.snapshot.alpha)
            run.history.append(record)
            run.layerStep = trainer.layer.step
            run.adaptiveState = trainer.layer.adaptiveState.snapshot
            say(String(format: "%@ epoch %d: loss %.3f, test cost-optimal %.1f %%, perfect match %.1f %%, regret %.4f, "
                         + "%.1f s (solver %.1f %%)", settings.method.rawValue, record.epoch, record.trainingLoss, 100 * metrics.costOptimal,
                         100 * metrics.perfectMatch, metrics.normalizedRegret, record.trainingSeconds, 100 * record.solverShare))
            try Checkpoint.save(trainer.model, to: modelURL)
            try directory.writeJSON(run, to: checkpointName + ".json")
        }
        return (run, trainer)
    }
}
