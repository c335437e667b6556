import TensorLayers

/// A single affine layer as a VAE network: the encoder 784 → N·K and decoder N·K → 784 of the
/// direct-optimisation reference code (Lorberbom et al. 2019, `discrete_vae/DVAE.py` of
/// GuyLor/Direct-VAE, whose Table 1 runs use one linear layer on each side).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let encoder = try Dense(inputSize: 784, outputSize: 10, using: &rng)
/// let decoder = try Dense(inputSize: 10, outputSize: 784, using: &rng)
/// ```
extension Dense: VAENetwork {
    /// The features the layer takes (the weight's columns).
    public var inputSize: Int { weight.shape[1] }
    /// The features the layer returns (the weight's rows).
    public var outputSize: Int { weight.shape[0] }
}
