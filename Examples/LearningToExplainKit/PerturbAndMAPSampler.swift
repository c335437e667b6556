import CombinatorialSolvers
import DifferentiableSolvers
import _ExampleSupport

/// Perturb-and-MAP k-subsets through a ``DifferentiableSolverLayer`` over ``BlockTopK``: the
/// forward pass is the top k of θ + τε, the backward pass the layer's estimator (AIMLE, IMLE,
/// straight-through …).
///
/// ```swift
/// var sampler = PerturbAndMAPSampler(selection: try KSubsetSelection(k: 8, of: 49), estimator: .aimle(),
///                                    noise: .sumOfGamma(k: 8), seed: 1)
/// ```
public struct PerturbAndMAPSampler: SubsetSampler {
    /// The layer: solver, estimator, noise and its state (AIMLE's α).
    public private(set) var layer: DifferentiableSolverLayer<BlockTopK>

    /// A sampler of `selection` with `estimator`.
    ///
    /// - Parameters:
    ///   - noise: ρ(ε); Sum-of-Gamma with the selection's k suits k-subsets (Niepert et al. 2021).
    ///   - temperature: τ of the perturbation θ + τε (forward and target).
    ///   - samples: S, selections per image.
    ///   - seed: the seed of the noise.
    public init(selection: KSubsetSelection, estimator: any GradientEstimator, noise: NoiseDistribution,
                temperature: Float = 1, samples: Int = 1, seed: UInt64) {
        layer = DifferentiableSolverLayer(solver: selection.solver, estimator: estimator, noise: noise, samples: samples,
                                          seed: seed, forwardTemperature: temperature, targetTemperature: temperature)
    }

    public var samplesPerImage: Int { layer.samples }

    public mutating func sample(_ scores: Matrix) throws(ExampleError) -> SampledSubsets {
        let (selections, tape): (Matrix, SolverTape)
        do { (selections, tape) = try layer.forward(scores) } catch {
            throw ExampleError(.solverFailed, "k-subset layer forward: \(error)")
        }
        let layer = self.layer
        return SampledSubsets(selections: selections) { (upstream) throws(ExampleError) in
            do { return try layer.backward(upstream, tape) } catch {
                throw ExampleError(.solverFailed, "k-subset layer backward: \(error)")
            }
        }
    }
}
