import _Differentiation
import DifferentiableSolvers
import DiscreteVAEKit
import TensorLayers
import _ExampleSupport

/// LeakyReLU, max(x, 0) + slope · min(x, 0), written as relu(x) − slope · relu(−x) so that
/// it differentiates through the package's `relu`.
@differentiable(reverse, wrt: x)
func leakyRelu(_ x: Tensor, slope: Float) -> Tensor {
    relu(x) - slope * relu(-1 * x)
}

/// The layers of a ``ShallowPerceptron`` with a LeakyReLU(0.2) hidden activation instead of
/// ReLU: the base encoder 784–400–200 and the discrete encoder 200–100–10 of the
/// semi-supervised VAE of Lorberbom et al. (2019, §5; GuyLor/Direct-VAE,
/// `mixture_model_mnist/mixture_model_dvae.py`).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let base = try LeakyPerceptron(sizes: (784, 400, 200), using: &rng)
/// ```
public struct LeakyPerceptron: VAENetwork {
    /// The input-to-hidden and hidden-to-output layers.
    public var layers: ShallowPerceptron

    /// He-initialised layers of the given sizes.
    ///
    /// - Throws: `TensorError` for non-positive sizes.
    public init(sizes: (input: Int, hidden: Int, output: Int), using generator: inout SeededGenerator) throws(TensorError) {
        layers = try ShallowPerceptron(sizes: sizes, using: &generator)
    }

    @differentiable(reverse)
    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.output(leakyRelu(layers.hidden(input), slope: 0.2))
    }

    public var inputSize: Int { layers.inputSize }
    public var outputSize: Int { layers.outputSize }

    public static var parameters: [ModelParameter<LeakyPerceptron>] { ModelParameter.nested("layers", \.layers, \.layers) }
}
