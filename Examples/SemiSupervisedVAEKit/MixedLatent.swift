/// The mixed discrete–continuous representation fed to the decoder (Lorberbom et al. 2019,
/// §5): a K × D matrix whose row k is w_k · z_k, where z_k is the Gaussian sample of class k
/// and w the class weights — one-hot for z = argmax(θ + γ), so that the matrix is zero but
/// for the chosen class's row, or a straight-through Gumbel-softmax sample (the reference
/// code's `paded_mm`). Rows are flattened to K · D decoder inputs.
///
/// ```swift
/// let latent = MixedLatent(classes: 10, dimension: 30)
/// let input = latent.decoderInput(weights: oneHot, samples: z)   // B × 300
/// ```
public struct MixedLatent: Sendable, Hashable {
    /// Classes K.
    public let classes: Int
    /// Gaussian dimension D.
    public let dimension: Int

    /// The representation of classes × dimension.
    public init(classes: Int, dimension: Int) {
        self.classes = classes
        self.dimension = dimension
    }

    /// Decoder inputs: `weights` is B × K, `samples` is B × K × D; returns B × (K · D).
    ///
    /// - Complexity: O(B · K · D).
    public func decoderInput(weights: [Float], samples: [Float]) -> [Float] {
        (0..<samples.count).map { j in weights[j / dimension] * samples[j] }
    }

    /// The pullback of ``decoderInput(weights:samples:)``: ∂L/∂w_{b,k} = ⟨∂L/∂input_{b,k}, z_{b,k}⟩,
    /// ∂L/∂z_{b,k} = w_{b,k} · ∂L/∂input_{b,k}.
    ///
    /// - Complexity: O(B · K · D).
    public func pullback(_ dInput: [Float], weights: [Float], samples: [Float]) -> (dWeights: [Float], dSamples: [Float]) {
        var dWeights = [Float](repeating: 0, count: weights.count)
        var dSamples = [Float](repeating: 0, count: samples.count)
        for j in samples.indices {
            dWeights[j / dimension] += dInput[j] * samples[j]
            dSamples[j] = weights[j / dimension] * dInput[j]
        }
        return (dWeights, dSamples)
    }

    /// Per image, the class-weighted mixture Σ_k w_k v_k of per-class vectors (B × K × D to
    /// B × D): the reference code's posterior parameters of the chosen class (`bmm(z, mues)`).
    public func mix(weights: [Float], perClass values: [Float]) -> [Float] {
        var mixed = [Float](repeating: 0, count: weights.count / classes * dimension)
        for j in values.indices {
            let row = j / (classes * dimension)
            mixed[row * dimension + j % dimension] += weights[j / dimension] * values[j]
        }
        return mixed
    }

    /// The pullback of ``mix(weights:perClass:)``.
    public func mixPullback(_ dMixed: [Float], weights: [Float], perClass values: [Float]) -> (dWeights: [Float], dValues: [Float]) {
        var dWeights = [Float](repeating: 0, count: weights.count)
        var dValues = [Float](repeating: 0, count: values.count)
        for j in values.indices {
            let upstream = dMixed[j / (classes * dimension) * dimension + j % dimension]
            dWeights[j / dimension] += upstream * values[j]
            dValues[j] = weights[j / dimension] * upstream
        }
        return (dWeights, dValues)
    }
}

extension MixedLatent {
    /// Decoder inputs for candidate one-hot class states (rows of K), each with its owner
    /// image's Gaussian samples (B × K × D): the inputs that direct optimisation scores.
    public func candidateInputs(_ candidates: [Float], owners: [Int], samples: [Float]) -> [Float] {
        var inputs = [Float](repeating: 0, count: owners.count * classes * dimension)
        for (row, owner) in owners.enumerated() {
            for k in 0..<classes where candidates[row * classes + k] != 0 {
                let source = (owner * classes + k) * dimension, target = (row * classes + k) * dimension
                for d in 0..<dimension { inputs[target + d] = candidates[row * classes + k] * samples[source + d] }
            }
        }
        return inputs
    }
}
