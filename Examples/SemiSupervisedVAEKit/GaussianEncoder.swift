import _Differentiation
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// The continuous encoder of the semi-supervised VAE: one Gaussian posterior per class.
///
/// The base encoder's features (200) map linearly to K blocks of 100; every block goes through
/// the same 100–66 LeakyReLU(0.5) layer, dropout (p = ½, in training), and a linear layer to
/// the mean and log-variance of a D-dimensional Gaussian (Lorberbom et al. 2019, §5: "the
/// parameters are shared across the rows through the batch operation"; sizes from
/// GuyLor/Direct-VAE, `mixture_model_mnist/mixture_model_dvae.py`, with H = 400, D = 30).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let encoder = try GaussianEncoder(features: 200, classes: 10, dimension: 30, using: &rng)
/// let output = encoder(features, mask: try encoder.dropoutMask(rows: 100, training: false, using: &rng))
/// // output: [100 · 10, 60], each row (μ₁…μ_D, log σ²₁…log σ²_D) of one class
/// ```
public struct GaussianEncoder: ParameterizedModel, Sendable {
    /// Features to K blocks.
    public var spread: Dense
    /// Block to hidden (shared across classes).
    public var hidden: Dense
    /// Hidden to (μ, log σ²) (shared across classes).
    public var output: Dense
    /// Classes K.
    @noDerivative public let classes: Int

    /// He-initialised layers: features → 100·K, then 100 → 66 → 2·dimension per class.
    ///
    /// - Throws: `TensorError` for non-positive sizes.
    public init(features: Int, classes: Int, dimension: Int, using generator: inout SeededGenerator) throws(TensorError) {
        spread = try Dense(inputSize: features, outputSize: 100 * classes, using: &generator)
        hidden = try Dense(inputSize: 100, outputSize: 66, using: &generator)
        output = try Dense(inputSize: 66, outputSize: 2 * dimension, using: &generator)
        // Start the posteriors near the prior: He-initialised (μ, log σ²) heads give log σ² of
        // several units and KL terms of thousands of nats, which the first steps of training
        // spend undoing (PyTorch's default initialisation in the reference code is smaller).
        output.weight = 0.1 * output.weight
        self.classes = classes
    }

    /// [B, features] to [B · K, 2D]; `mask` ([B · K, 66]) multiplies the hidden layer
    /// (``dropoutMask(rows:training:using:)``).
    @differentiable(reverse, wrt: (self, features))
    public func callAsFunction(_ features: Tensor, mask: Tensor) -> Tensor {
        let rows = withoutDerivative(at: features.shape[0]) * classes
        let blocks = reshape(spread(features), to: [rows, 100])
        return output(leakyRelu(hidden(blocks), slope: 0.5) * mask)
    }

    /// The Gaussian's dimension D.
    public var dimension: Int { output.weight.shape[0] / 2 }

    /// Inverted dropout with p = ½ for `rows` images (entries 0 or 2), or all ones outside training.
    ///
    /// - Throws: ``ExampleError`` for a non-positive row count.
    public func dropoutMask(rows: Int, training: Bool, using generator: inout SeededGenerator) throws(ExampleError) -> Tensor {
        guard rows > 0 else { throw ExampleError("a dropout mask needs at least one row (got \(rows))") }
        let count = rows * classes * hidden.weight.shape[0]
        let values = training ? (0..<count).map { _ in generator.nextUniformFloat() < 0.5 ? Float(0) : 2 }
                              : [Float](repeating: 1, count: count)
        return try tensor(values, [rows * classes, hidden.weight.shape[0]])
    }

    public static var parameters: [ModelParameter<GaussianEncoder>] {
        ModelParameter.nested("spread", \.spread, \.spread) + ModelParameter.nested("hidden", \.hidden, \.hidden)
            + ModelParameter.nested("output", \.output, \.output)
    }
}

/// A tensor, with tensor errors reported as ``ExampleError``.
func tensor(_ scalars: [Float], _ shape: [Int]) throws(ExampleError) -> Tensor {
    do { return try Tensor(shape: shape, scalars: scalars) } catch { throw ExampleError("\(error)") }
}
