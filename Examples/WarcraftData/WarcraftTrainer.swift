import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import TensorLayers

/// Trains the ResNet-18 stem to predict tile costs from Warcraft maps through the
/// shortest-path solver, and evaluates it.
///
/// The model is ``ResNetStem`` followed by |·| (costs must be non-negative for Dijkstra);
/// the solver layer wraps ``GridShortestPath`` with `perturbationFloor: 0`, so perturbed
/// costs are raised to zero rather than rejected. One step: images → costs θ → paths
/// z = MAP(θ + ε) → Hamming loss against the true paths → ∂L/∂θ from the estimator →
/// back through the network → Adam. The perturbed optimiser instead follows the gradient of
/// its Fenchel–Young loss.
///
/// ```swift
/// var trainer = try WarcraftTrainer(gridSize: 12, settings: WarcraftTrainingSettings(), normalization: .init(fitting: train))
/// let step = try trainer.step(train, indices: Array(0..<70))
/// let metrics = try trainer.evaluate(test)
/// ```
public struct WarcraftTrainer {
    /// The network.
    public var model: ResNetStem
    /// The optimiser.
    public var optimizer: Adam
    /// The solver with its estimator.
    public var layer: DifferentiableSolverLayer<GridShortestPath>
    /// The run's settings.
    public let settings: WarcraftTrainingSettings
    /// The input standardisation.
    public let normalization: ImageNormalization
    /// The unperturbed solver used for evaluation.
    public let solver: GridShortestPath

    /// The loss and timing of one step.
    public struct StepResult: Sendable {
        /// Hamming loss of the sampled paths (Fenchel–Young loss for the perturbed optimiser).
        public var loss: Float
        /// Seconds in the solver layer (forward and backward).
        public var solverSeconds: Double
        /// Seconds in the network (forward, backward and optimiser update).
        public var networkSeconds: Double
    }

    /// A fresh model for H × H grids.
    ///
    /// - Throws: a description of bad settings, or an error of the tensor or solver layer.
    public init(gridSize: Int, settings: WarcraftTrainingSettings, normalization: ImageNormalization) throws {
        if let problem = settings.problem { throw WarcraftDataError(problem) }
        var generator = SeededGenerator(seed: settings.seed, stream: [0x6D6F_6465_6C])
        model = try ResNetStem(gridSize: gridSize, using: &generator)
        optimizer = Adam(learningRate: settings.learningRate)
        solver = try GridShortestPath(height: gridSize, width: gridSize)
        layer = DifferentiableSolverLayer(
            solver: solver, estimator: settings.estimator, noise: settings.noise.distribution(gridSize: gridSize),
            samples: settings.samples, seed: settings.seed, forwardTemperature: settings.temperature,
            targetTemperature: settings.temperature, perturbationFloor: 0)
        self.settings = settings
        self.normalization = normalization
    }

    /// Predicted costs θ ≥ 0 of instances `indices`, [B, H, H].
    public func costs(_ data: WarcraftDataset, indices: some Collection<Int>) throws -> Tensor {
        let images = try normalization.images(data, indices)
        try model.validate(inputShape: images.shape)
        return abs(model(images, phase: .inference))
    }

    /// One optimisation step on instances `indices` of `data`.
    public mutating func step(_ data: WarcraftDataset, indices: [Int]) throws -> StepResult {
        let start = ContinuousClock.now
        let images = try normalization.images(data, indices)
        try model.validate(inputShape: images.shape)
        let (costs, pullback) = valueWithPullback(at: model) { model in abs(model(images, phase: .training)) }
        let n = data.cellCount
        let theta = Matrix(rows: indices.count, columns: n, values: costs.scalars)
        var labels = [Float]()
        labels.reserveCapacity(indices.count * n)
        for index in indices { labels += data.path(index) }
        let targets = Matrix(rows: indices.count, columns: n, values: labels)

        let solverStart = ContinuousClock.now
        let loss: Float
        let dTheta: Matrix
        if settings.method == .perturbedOptimizer {
            let fy = try layer.fenchelYoungLoss(theta, targets: targets)
            loss = fy.values.reduce(0, +) / Float(indices.count)
            dTheta = Matrix(rows: fy.gradient.rows, columns: n, values: fy.gradient.values.map { $0 / Float(indices.count) })
        } else {
            let (z, tape) = try layer.forward(theta, output: .mean)
            // Hamming loss Σ p(1 − y) + (1 − p)y averaged over the batch; ∂/∂p = (1 − 2y) / B.
            let scale = 1 / Float(indices.count)
            loss = zip(z.values, labels).reduce(0) { $0 + $1.0 * (1 - $1.1) + (1 - $1.0) * $1.1 } * scale
            let dLdz = Matrix(rows: z.rows, columns: n, values: labels.map { (1 - 2 * $0) * scale })
            dTheta = try layer.backward(dLdz, tape)
        }
        let solverSeconds = (ContinuousClock.now - solverStart).seconds

        let gradient = pullback(try Tensor(shape: costs.shape, scalars: dTheta.values))
        try optimizer.update(&model, along: gradient)
        let total = (ContinuousClock.now - start).seconds
        return StepResult(loss: loss, solverSeconds: solverSeconds, networkSeconds: total - solverSeconds)
    }

    /// Cheapest paths for the predicted costs of instances `indices` (unperturbed), B × H².
    public func predictedPaths(_ data: WarcraftDataset, indices: some Collection<Int>) throws -> Matrix {
        let theta = try costs(data, indices: indices)
        return try solver.solveBatch(Matrix(rows: indices.count, columns: data.cellCount, values: theta.scalars))
    }

    /// Path metrics of the predictions on all of `data`, in batches of `batchSize`.
    public func evaluate(_ data: WarcraftDataset, batchSize: Int = 100) throws -> PathMetrics {
        var metrics = PathMetrics()
        for start in stride(from: 0, to: data.count, by: max(batchSize, 1)) {
            let indices = start..<min(start + max(batchSize, 1), data.count)
            let paths = try predictedPaths(data, indices: indices)
            for (row, index) in indices.enumerated() {
                metrics.add(predicted: paths.values[row * data.cellCount..<(row + 1) * data.cellCount],
                            label: data.path(index), weights: data.weights(index))
            }
        }
        return metrics
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
