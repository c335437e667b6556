import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import EstimatorStudies
import Foundation
import TensorLayers
import _ExampleSupport

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
        /// What the estimator's backward pass did (λ, sparsity, α); `nil` for the perturbed
        /// optimiser, whose gradient comes from its Fenchel–Young loss.
        public var statistics: BackwardStatistics?
        /// ‖∂L/∂θ‖ of the batch.
        public var gradientNorm: Double
        /// The cosine between ∂L/∂θ and a many-sample reference gradient, when asked for.
        public var referenceCosine: Double?
    }

    /// A fresh model for H × H grids.
    ///
    /// - Throws: a description of bad settings, or an error of the tensor or solver layer.
    public init(gridSize: Int, settings: WarcraftTrainingSettings, normalization: ImageNormalization) throws {
        if let problem = settings.problem { throw ExampleError(problem) }
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
    ///
    /// - Parameters:
    ///   - referenceSamples: when set, also estimates the gradient of the expected loss on
    ///     the same batch with that many samples (see ``referenceGradient(_:dLdz:samples:)``)
    ///     and reports its cosine with the estimator's ∂L/∂θ.
    public mutating func step(_ data: WarcraftDataset, indices: [Int], referenceSamples: Int? = nil) throws -> StepResult {
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
        var statistics: BackwardStatistics?
        var referenceCosine: Double?
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
            (dTheta, statistics) = try layer.backwardWithStatistics(dLdz, tape)
            if let referenceSamples {
                let reference = try referenceGradient(theta, dLdz: dLdz, samples: referenceSamples)
                referenceCosine = try cosineSimilarity(dTheta.values, reference.values)
            }
        }
        let solverSeconds = (ContinuousClock.now - solverStart).seconds

        let gradient = pullback(try Tensor(shape: costs.shape, scalars: dTheta.values))
        try optimizer.update(&model, along: gradient)
        let total = (ContinuousClock.now - start).seconds
        let gradientNorm = dTheta.values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        return StepResult(loss: loss, solverSeconds: solverSeconds, networkSeconds: total - solverSeconds,
                          statistics: statistics, gradientNorm: gradientNorm, referenceCosine: referenceCosine)
    }

    /// An unbiased many-sample estimate of ∇θ E[⟨∂L/∂z, MAP(θ + τZ)⟩] with Z standard normal:
    /// the Stein estimate of the perturbed optimiser (Berthet et al. 2020, Prop. 3.1), which
    /// is exact in expectation for Gaussian smoothing. The training loss is linear in z, so
    /// this is the gradient of the Gaussian-smoothed training loss, the direction a
    /// perturbation-based estimator should point in.
    public func referenceGradient(_ theta: Matrix, dLdz: Matrix, samples: Int) throws -> Matrix {
        var reference = DifferentiableSolverLayer(
            solver: solver, estimator: .perturbedOptimizer(PerturbedOptimizerConfiguration()), noise: .normal,
            samples: samples, seed: settings.seed ^ 0x5EF, forwardTemperature: max(settings.temperature, 1e-3),
            targetTemperature: max(settings.temperature, 1e-3), perturbationFloor: 0)
        reference.step = layer.step
        let (_, tape) = try reference.forward(theta, output: .mean)
        return try reference.backward(dLdz, tape)
    }

    /// Cheapest paths for the predicted costs of instances `indices` (unperturbed), B × H².
    public func predictedPaths(_ data: WarcraftDataset, indices: some Collection<Int>) throws -> Matrix {
        let theta = try costs(data, indices: indices)
        return try solver.solveBatch(Matrix(rows: indices.count, columns: data.cellCount, values: theta.scalars))
    }

    /// Path metrics of the predictions on the first `limit` instances of `data` (all of them
    /// by default), in batches of `batchSize`.
    public func evaluate(_ data: WarcraftDataset, limit: Int? = nil, batchSize: Int = 100) throws -> PathMetrics {
        var metrics = PathMetrics()
        let count = min(max(limit ?? data.count, 0), data.count)
        for start in stride(from: 0, to: count, by: max(batchSize, 1)) {
            let indices = start..<min(start + max(batchSize, 1), count)
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
