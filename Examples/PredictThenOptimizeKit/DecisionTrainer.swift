import DifferentiableSolvers
import _ExampleSupport

/// The training recipe of PyEPO's tutorials: a ``LinearCostModel`` trained by Adam on
/// shuffled mini-batches with one method's loss, test regret measured after every epoch.
///
/// ```swift
/// let trainer = DecisionTrainer(epochs: 10, batchSize: 32, learningRate: 1e-2)
/// let run = try trainer.train(.spoPlus, solver: solver, training: train, test: test, seed: 1)
/// run.finalRegret
/// ```
public struct DecisionTrainer: Sendable {
    /// Passes over the training set.
    public var epochs: Int
    /// Instances per Adam step.
    public var batchSize: Int
    /// Adam's learning rate.
    public var learningRate: Float
    /// The methods' hyper-parameters.
    public var settings: MethodSettings
    /// Threads for the solver calls.
    public var parallelism: Parallelism

    /// Creates a trainer.
    public init(epochs: Int = 10, batchSize: Int = 32, learningRate: Float = 1e-2,
                settings: MethodSettings = MethodSettings(), parallelism: Parallelism = .automatic) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.settings = settings
        self.parallelism = parallelism
    }

    /// Trains a fresh model with `method` and measures it.
    ///
    /// - Parameters:
    ///   - method: the learning method.
    ///   - solver: the decision problem's oracle.
    ///   - training: the training set.
    ///   - test: the set the regret is measured on.
    ///   - seed: the seed of the initial weights, the batch order and the method's noise.
    ///   - onBatch: called after every Adam step (for a progress bar).
    /// - Throws: ``ExampleError`` for bad settings, shapes that disagree, or a
    ///   solver failure.
    public func train<Solver: MAPSolver>(_ method: TrainingMethod, solver: Solver, training: DecisionDataset,
                                         test: DecisionDataset, seed: UInt64,
                                         onBatch: (Double) -> Void = { _ in }) throws(ExampleError) -> TrainingRun {
        guard epochs >= 1, batchSize >= 1 else {
            throw ExampleError(.invalidArgument, "epochs and batch size must be ≥ 1 (got \(epochs), \(batchSize))")
        }
        guard training.count >= 1, test.count >= 1 else {
            throw ExampleError(.invalidArgument, "training and test sets must not be empty")
        }
        var model = try LinearCostModel(features: training.features.columns, costs: training.costs.columns,
                                        learningRate: learningRate, seed: seed)
        var loss = try DecisionLoss(method: method, solver: solver, settings: settings, seed: seed, parallelism: parallelism)
        var curve = [try DecisionRegret.normalized(predicted: model.predict(test.features), data: test, solver: solver,
                                                   parallelism: parallelism)]
        var losses: [Double] = []
        var trainingTime = Duration.zero
        let clock = ContinuousClock()
        for epoch in 0..<epochs {
            var generator = SeededGenerator(seed: seed, stream: [0xBA7C, UInt64(epoch)])
            var order = Array(0..<training.count)
            order.shuffle(using: &generator)
            var epochLoss = 0.0
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = training.subset(Array(order[start ..< min(start + batchSize, order.count)]))
                let began = clock.now
                let predicted = try model.predict(batch.features)
                let (value, gradient) = try loss.evaluate(predicted: predicted, batch: batch)
                try model.step(features: batch.features, costGradient: gradient)
                trainingTime += clock.now - began
                epochLoss += value * Double(batch.count)
                onBatch(value)
            }
            losses.append(epochLoss / Double(training.count))
            curve.append(try DecisionRegret.normalized(predicted: model.predict(test.features), data: test, solver: solver,
                                                       parallelism: parallelism))
        }
        let seconds = Double(trainingTime.components.seconds) + Double(trainingTime.components.attoseconds) * 1e-18
        return TrainingRun(method: method, seed: seed, regretByEpoch: curve, lossByEpoch: losses, trainingSeconds: seconds)
    }
}

/// What one training run measured.
public struct TrainingRun: Sendable, Hashable, Codable {
    /// The method.
    public var method: TrainingMethod
    /// The seed.
    public var seed: UInt64
    /// Normalised test regret before training (index 0) and after every epoch.
    public var regretByEpoch: [Double]
    /// The mean training loss of every epoch.
    public var lossByEpoch: [Double]
    /// Wall time of the training steps (prediction, loss, gradient, update), without the
    /// per-epoch test evaluation.
    public var trainingSeconds: Double

    /// The test regret after the last epoch.
    public var finalRegret: Double { regretByEpoch.last ?? .nan }
}
