import DifferentiableSolvers
import SolverRegistry
import Synchronization

/// A layer behind a C handle: ``DifferentiableSolverLayer`` over a registry solver, made from
/// the strings a C or Python caller passes, and locked so that calls from several threads
/// take their turns (a forward pass advances the layer's step).
final class LayerHandle: Sendable {
    private let layer: Mutex<DifferentiableSolverLayer<AnyMAPSolver>>

    /// A layer with the estimator and noise named as ``EstimatorDescription/init(parsing:)``
    /// and ``NoiseDistribution/init(parsing:)`` read them.
    ///
    /// - Throws: ``ABIError`` for an unknown estimator or noise, invalid settings, or fewer
    ///   than one sample.
    init(solver: AnyMAPSolver, estimator estimatorName: String, noise noiseName: String, samples: Int64, seed: UInt64, threads: Int64) throws(ABIError) {
        let estimator: EstimatorDescription, noise: NoiseDistribution
        do throws(LayerError) {
            estimator = try EstimatorDescription(parsing: estimatorName)
            noise = try NoiseDistribution(parsing: noiseName)
        } catch {
            throw ABIError(error)
        }
        guard samples >= 1, samples <= Int64(Int32.max) else {
            throw ABIError(.invalidConfiguration, "the number of samples must be between 1 and \(Int32.max) (got \(samples))")
        }
        if let problem = estimator.estimator.configurationProblem ?? noise.configurationProblem {
            throw ABIError(.invalidConfiguration, problem)
        }
        layer = Mutex(DifferentiableSolverLayer(solver: solver, estimator: estimator.estimator, noise: noise,
                                                samples: Int(samples), seed: seed, parallelism: parallelism(threads: threads)))
    }

    /// Changes settings of the layer.
    func configure(_ change: (inout DifferentiableSolverLayer<AnyMAPSolver>) -> Void) {
        layer.withLock { change(&$0) }
    }

    /// The layer's forward pass (advancing its step).
    func forward(_ theta: Matrix, output: SampleOutput) throws(ABIError) -> (z: Matrix, tape: SolverTape) {
        do throws(LayerError) {
            return try layer.withLock { (layer) throws(LayerError) in try layer.forward(theta, output: output) }
        } catch {
            throw ABIError(error)
        }
    }

    /// The layer's backward pass (advancing an adaptive estimator's state) and its statistics.
    func backward(_ dLdz: Matrix, _ tape: SolverTape, context: BackwardContext) throws(ABIError)
        -> (gradient: Matrix, statistics: BackwardStatistics) {
        let layer = layer.withLock { $0 }
        do throws(LayerError) {
            return try layer.backwardWithStatistics(dLdz, tape, context: context)
        } catch {
            throw ABIError(error)
        }
    }

    /// One step of adaptive IMLE's α rule (Eqs. 9 and 10) with a sparsity signal from
    /// elsewhere — e.g. merged over the workers of data-parallel training.
    ///
    /// - Throws: ``ABIError`` of status `.invalidConfiguration` when the layer's estimator is
    ///   not adaptive IMLE, or the signal is negative or not finite.
    func advanceAdaptive(meanNonZeros: Double) throws(ABIError) {
        try layer.withLock { (layer) throws(ABIError) in
            guard let configuration = layer.estimator as? AdaptiveIMLE else {
                throw ABIError(.invalidConfiguration, "only adaptive IMLE adapts; this layer's estimator is \(layer.estimator.name)")
            }
            guard meanNonZeros.isFinite, meanNonZeros >= 0 else {
                throw ABIError(.invalidConfiguration, "the mean number of non-zero entries must be finite and ≥ 0 (got \(meanNonZeros))")
            }
            layer.adaptiveState.update(meanNonZeros: meanNonZeros, configuration: configuration)
        }
    }

    /// The number of samples per row.
    var samples: Int { layer.withLock { $0.samples } }

    /// What a checkpoint stores to resume the layer exactly.
    var checkpoint: LayerCheckpoint {
        layer.withLock { LayerCheckpoint(step: $0.step, adaptive: $0.adaptiveState.snapshot) }
    }

    /// Continues from `checkpoint`.
    func restore(_ checkpoint: LayerCheckpoint) {
        layer.withLock { layer in
            layer.step = checkpoint.step
            layer.adaptiveState.restore(checkpoint.adaptive)
        }
    }
}

/// The state of a layer that a training run checkpoints: the step (a key of every random
/// stream) and adaptive IMLE's α and running statistics.
struct LayerCheckpoint: Codable, Sendable, Hashable {
    /// The number of forward passes so far.
    var step: UInt64
    /// Adaptive IMLE's state.
    var adaptive: AdaptiveState.Snapshot
}
