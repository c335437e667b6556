import DifferentiableSolvers
import Foundation
import TensorLayers
import _ExampleSupport

/// Trains one method for the requested epochs, evaluating on the test set and saving a
/// checkpoint after every epoch: model parameters, batch-norm statistics and Adam's moments
/// in `checkpoint-<method>.e<epoch>.dstl`, and the history, the layer's step and AIMLE's
/// state in `checkpoint-<method>.json`, which names the model file. Both are written
/// durably (temporary file, fsync, rename; the JSON last), so a kill at any moment leaves a
/// consistent checkpoint. With `resume`, training continues from it and takes exactly the
/// steps an uninterrupted run would: the data order and the noise streams are functions of
/// (seed, epoch) and (seed, layer step), the learning rate of the epoch.
public struct WarcraftTrainingRun {
    /// The method and its hyper-parameters.
    public let settings: WarcraftTrainingSettings
    /// The number of epochs to reach (a resumed run trains only the missing ones).
    public let epochs: Int
    /// Where checkpoints and traces are written.
    public let directory: OutputDirectory
    /// Whether to continue from the checkpoint in ``directory``.
    public let resume: Bool
    /// Steps between reference-gradient cosines in the trace; `nil` writes no trace.
    public var traceEvery: Int?
    /// Samples of the reference gradient.
    public var referenceSamples = 200
    /// Receives one line per epoch (and one when resuming).
    public var log: @Sendable (String) -> Void = { print($0) }
    /// Whether to draw a progress bar per epoch.
    public var showsProgress = true

    /// A run of `settings` for `epochs` epochs, checkpointed in `directory`.
    public init(settings: WarcraftTrainingSettings, epochs: Int, directory: OutputDirectory, resume: Bool, traceEvery: Int? = nil) {
        self.settings = settings
        self.epochs = epochs
        self.directory = directory
        self.resume = resume
        self.traceEvery = traceEvery
    }

    /// The stem of the checkpoint files, `checkpoint-<method>`.
    public var checkpointName: String { "checkpoint-\(settings.method.rawValue)" }

    /// Trains (or resumes) and returns the record and the trained model.
    ///
    /// - Throws: ``ExampleError`` for a checkpoint made with other settings or in an
    ///   older format; errors of the trainer, the solver layer or the file system.
    public func run(train: WarcraftDataset, test: WarcraftDataset, normalization: ImageNormalization) throws
        -> (run: WarcraftRunRecord, trainer: WarcraftTrainer) {
        var trainer = try WarcraftTrainer(gridSize: train.gridSize, settings: settings, normalization: normalization)
        var run = WarcraftRunRecord(method: settings.method.rawValue, estimator: settings.estimator.name, settings: settings,
                            history: [], layerStep: 0, adaptiveState: nil)
        let stateURL = directory.file(checkpointName + ".json")
        if resume, FileManager.default.fileExists(atPath: stateURL.path) {
            run = try JSONDecoder().decode(WarcraftRunRecord.self, from: Data(contentsOf: stateURL))
            guard run.settings == settings else {
                throw ExampleError("the checkpoint \(stateURL.lastPathComponent) was made with other settings; drop --resume or change --output")
            }
            guard let modelFile = run.modelFile else {
                throw ExampleError("the checkpoint \(stateURL.lastPathComponent) names no model file (an older format); drop --resume")
            }
            let modelURL = directory.file(modelFile)
            try Checkpoint.load(into: &trainer.model, from: modelURL)
            try Checkpoint.loadOptimizer(&trainer.optimizer, for: trainer.model, from: modelURL)
            trainer.layer.step = run.layerStep
            if let snapshot = run.adaptiveState { trainer.layer.adaptiveState.restore(snapshot) }
            log("Resuming \(settings.method.rawValue) after epoch \(run.history.count).")
        }
        let schedule = StepSchedule(initial: settings.learningRate, milestones: settings.milestones)
        let stepsPerEpoch = (train.count + settings.batchSize - 1) / settings.batchSize
        var trace = TrainingTrace(target: settings.estimator.adaptiveTarget ?? 0)
        for epoch in run.history.count..<epochs {
            trainer.optimizer.learningRate = schedule.learningRate(atEpoch: epoch)
            var generator = SeededGenerator(seed: settings.seed, stream: [0x73687566, UInt64(epoch)])
            let order = Array(0..<train.count).shuffled(using: &generator)
            let progress = showsProgress ? ProgressBar("\(settings.method.rawValue) epoch \(epoch + 1)/\(epochs)", total: stepsPerEpoch) : nil
            var loss = 0.0, solver = 0.0, network = 0.0
            for start in stride(from: 0, to: order.count, by: settings.batchSize) {
                let batch = Array(order[start..<min(start + settings.batchSize, order.count)])
                let globalStep = epoch * stepsPerEpoch + start / settings.batchSize
                let measure = traceEvery.map { globalStep % $0 == 0 } ?? false
                let result = try trainer.step(train, indices: batch, referenceSamples: measure ? referenceSamples : nil)
                if traceEvery != nil {
                    trace.append(TrainingTrace.Step(step: globalStep, statistics: result.statistics, gradientNorm: result.gradientNorm,
                                                    referenceCosine: result.referenceCosine))
                }
                loss += Double(result.loss)
                solver += result.solverSeconds
                network += result.networkSeconds
                let perSecond = Double(batch.count) / (result.solverSeconds + result.networkSeconds)
                progress?.advance(note: String(format: "loss %.2f  %.0f maps/s", result.loss, perSecond))
            }
            progress?.finish()
            let metrics = try trainer.evaluate(test)
            let trainingMetrics = try trainer.evaluate(train, limit: test.count)
            let record = WarcraftEpochRecord(
                epoch: epoch + 1, trainingLoss: loss / Double(stepsPerEpoch), test: metrics, training: trainingMetrics, trainingSeconds: solver + network,
                solverSeconds: solver, networkSeconds: network, steps: stepsPerEpoch,
                learningRate: trainer.optimizer.learningRate, alpha: trainer.layer.adaptiveState.snapshot.alpha)
            run.history.append(record)
            run.layerStep = trainer.layer.step
            run.adaptiveState = trainer.layer.adaptiveState.snapshot
            let previousModel = run.modelFile
            run.modelFile = checkpointName + ".e\(epoch + 1).dstl"
            log(String(format: "%@ epoch %d: loss %.3f, test cost-optimal %.1f %% (training maps %.1f %%), perfect match %.1f %%, "
                         + "regret %.4f, %.1f s (solver %.1f %%)", settings.method.rawValue, record.epoch, record.trainingLoss,
                         100 * metrics.costOptimal, 100 * trainingMetrics.costOptimal,
                         100 * metrics.perfectMatch, metrics.normalizedRegret, record.trainingSeconds, 100 * record.solverShare))
            try Checkpoint.save(trainer.model, optimizer: trainer.optimizer, to: directory.file(run.modelFile ?? ""))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try DurableFile.write(try encoder.encode(run), to: stateURL)
            if let previousModel, previousModel != run.modelFile {
                try? FileManager.default.removeItem(at: directory.file(previousModel))
            }
            if traceEvery != nil { try trace.write(into: directory, name: "trace-\(settings.method.rawValue)") }
        }
        return (run, trainer)
    }
}
