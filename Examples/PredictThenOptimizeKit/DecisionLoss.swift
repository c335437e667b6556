import DifferentiableSolvers
import _ExampleSupport

/// The loss of one method on a batch and its gradient with respect to the predicted costs
/// ĉ: the only thing the training loop needs from a method.
///
/// Every gradient is that of the batch mean, as PyTorch's `mean` reduction gives it.
/// Methods that put the solver in the loop hold a ``DifferentiableSolverLayer`` (its step
/// counter keys the noise, so a run is reproducible for a seed).
///
/// ```swift
/// var loss = try DecisionLoss(method: .aimleCentral, solver: solver, settings: MethodSettings(), seed: 1)
/// let (value, gradient) = try loss.evaluate(predicted: chat, batch: batch)
/// ```
public struct DecisionLoss<Solver: MAPSolver>: Sendable {
    /// The method.
    public let method: TrainingMethod
    /// The decision problem's oracle.
    public let solver: Solver
    var layer: DifferentiableSolverLayer<Solver>?
    /// The loss on the decisions of the solver-in-the-loop methods.
    public let taskLoss: TaskLoss
    let parallelism: Parallelism

    /// Prepares `method` for `solver`.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for unusable settings.
    public init(method: TrainingMethod, solver: Solver, settings: MethodSettings, seed: UInt64,
                parallelism: Parallelism = .automatic) throws(ExampleError) {
        if let problem = settings.problem { throw ExampleError(.invalidArgument, problem) }
        self.method = method
        self.solver = solver
        self.parallelism = parallelism
        taskLoss = switch method {
        case .imle: settings.imleLoss
        case .aimleForward, .aimleCentral: settings.aimleLoss
        case .directLoss: settings.directLoss
        default: .regret
        }
        let sumOfGamma: NoiseDistribution = switch settings.imleNoise {
        case .sumOfGamma: .sumOfGamma(k: settings.sumOfGammaK)
        case .gumbel: .gumbel
        }
        func make(_ estimator: any GradientEstimator, _ noise: NoiseDistribution, samples: Int, temperature: Float) -> DifferentiableSolverLayer<Solver> {
            DifferentiableSolverLayer(solver: solver, estimator: estimator, noise: noise, samples: samples, seed: seed,
                                      forwardTemperature: temperature, targetTemperature: temperature, parallelism: parallelism)
        }
        func aimle(_ scheme: DifferenceScheme) -> any GradientEstimator {
            .aimle(AIMLEConfiguration(scheme: scheme, adaptation: settings.aimleAdaptation, initialAlpha: settings.aimleInitialAlpha))
        }
        switch method {
        case .twoStage, .spoPlus:
            layer = nil
        case .blackbox:
            layer = make(.blackbox(lambda: settings.blackboxLambda), .none, samples: 1, temperature: 1)
        case .negativeIdentity:
            layer = make(.straightThrough, .none, samples: 1, temperature: 1)
        case .perturbedOptimizer, .fenchelYoung:
            layer = make(.perturbedOptimizer(PerturbedOptimizerConfiguration()), .normal,
                         samples: settings.perturbedSamples, temperature: settings.perturbedSigma)
        case .imle:
            layer = make(.imle(lambda: settings.imleLambda, scheme: .forward), sumOfGamma,
                         samples: settings.imleSamples, temperature: settings.imleSigma)
        case .aimleForward:
            layer = make(aimle(.forward), sumOfGamma, samples: settings.aimleSamples, temperature: settings.imleSigma)
        case .aimleCentral:
            layer = make(aimle(.central), sumOfGamma, samples: settings.aimleSamples, temperature: settings.imleSigma)
        case .directLoss:
            layer = make(.directLoss(DirectLossConfiguration(mode: .firstOrder, epsilon: .constant(settings.directEpsilon))),
                         .gumbel, samples: 1, temperature: 1)
        }
    }

    /// The batch-mean loss and ∂loss/∂ĉ (same shape as `predicted`).
    ///
    /// - Throws: ``ExampleError`` of kind `.solverFailed` when the solver or the
    ///   layer fails, `.shapeMismatch` when the batch does not fit the predictions.
    public mutating func evaluate(predicted: Matrix, batch: DecisionDataset) throws(ExampleError) -> (loss: Double, gradient: Matrix) {
        guard predicted.rows == batch.count, predicted.columns == batch.costs.columns else {
            throw ExampleError(.shapeMismatch,
                                           "predictions are \(predicted.rows) × \(predicted.columns); the batch is \(batch.count) × \(batch.costs.columns)")
        }
        do {
            switch method {
            case .twoStage:
                return SurrogateLosses.meanSquaredError(predicted, target: batch.costs)
            case .spoPlus:
                let result = try SPOPlusLoss(solver: solver, parallelism: parallelism)
                    .evaluate(predicted: predicted, trueCosts: batch.costs, trueSolutions: batch.solutions)
                let scale = 1 / Float(batch.count)
                return (result.values.reduce(0) { $0 + Double($1) } / Double(batch.count),
                        Matrix(rows: predicted.rows, columns: predicted.columns, values: result.gradient.values.map { $0 * scale }))
            case .fenchelYoung:
                let fy = try layer!.fenchelYoungLoss(predicted, targets: batch.solutions)
                let scale = 1 / Float(batch.count)
                return (fy.values.reduce(0) { $0 + Double($1) } / Double(batch.count),
                        Matrix(rows: predicted.rows, columns: predicted.columns, values: fy.gradient.values.map { $0 * scale }))
            case .perturbedOptimizer:
                let (mean, tape) = try layer!.forward(predicted, output: .mean)
                let (loss, dLdw) = SurrogateLosses.meanSquaredError(mean, target: batch.solutions)
                return (loss, try layer!.backward(dLdw, tape))
            case .blackbox, .negativeIdentity, .imle, .aimleForward, .aimleCentral, .directLoss:
                let (decisions, tape) = try layer!.forward(predicted, output: .mean)
                let (loss, dLdw) = switch taskLoss {
                case .regret: SurrogateLosses.absoluteRegret(decisions: decisions, batch: batch)
                case .solutionL1: SurrogateLosses.absoluteSolutionError(decisions, target: batch.solutions)
                }
                return (loss, try layer!.backward(dLdw, tape))
            }
        } catch {
            throw ExampleError(.solverFailed, "\(method.title): \(error)")
        }
    }
}
