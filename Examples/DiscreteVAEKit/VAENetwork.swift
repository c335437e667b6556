import _Differentiation
import DifferentiableSolvers
import TensorLayers

/// A network of the VAE (encoder or decoder): a trainable map of [batch, in] to [batch, out].
public protocol VAENetwork: ParameterizedModel, Sendable {
    /// The network applied to a batch.
    @differentiable(reverse)
    func callAsFunction(_ input: Tensor) -> Tensor
    /// The features the network takes.
    var inputSize: Int { get }
    /// The features the network returns.
    var outputSize: Int { get }
}

/// A perceptron with one hidden ReLU layer: the encoder 784–300–n and decoder n–300–784 of
/// the direct-optimisation VAE (Lorberbom et al. 2019, §5).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let encoder = try ShallowPerceptron(sizes: (784, 300, 10), using: &rng)
/// ```
public struct ShallowPerceptron: VAENetwork {
    /// Input to hidden.
    public var hidden: Dense
    /// Hidden to output.
    public var output: Dense

    /// He-initialised layers of the given sizes.
    public init(sizes: (input: Int, hidden: Int, output: Int), using generator: inout SeededGenerator) throws(TensorError) {
        hidden = try Dense(inputSize: sizes.input, outputSize: sizes.hidden, using: &generator)
        output = try Dense(inputSize: sizes.hidden, outputSize: sizes.output, using: &generator)
    }

    @differentiable(reverse)
    public func callAsFunction(_ input: Tensor) -> Tensor {
        output(relu(hidden(input)))
    }

    public var inputSize: Int { hidden.weight.shape[1] }
    public var outputSize: Int { output.weight.shape[0] }

    public static var parameters: [ModelParameter<ShallowPerceptron>] {
        ModelParameter.nested("hidden", \.hidden, \.hidden) + ModelParameter.nested("output", \.output, \.output)
    }
}

/// A perceptron with two hidden ReLU layers: the encoder 784–512–256–n and decoder
/// n–256–512–784 of the k-subset VAE (Niepert et al. 2021; Minervini et al. 2023).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let decoder = try DeepPerceptron(sizes: (400, 256, 512, 784), using: &rng)
/// ```
public struct DeepPerceptron: VAENetwork {
    /// Input to the first hidden layer.
    public var first: Dense
    /// First to second hidden layer.
    public var second: Dense
    /// Second hidden layer to output.
    public var output: Dense

    /// He-initialised layers of the given sizes.
    public init(sizes: (input: Int, first: Int, second: Int, output: Int), using generator: inout SeededGenerator) throws(TensorError) {
        first = try Dense(inputSize: sizes.input, outputSize: sizes.first, using: &generator)
        second = try Dense(inputSize: sizes.first, outputSize: sizes.second, using: &generator)
        output = try Dense(inputSize: sizes.second, outputSize: sizes.output, using: &generator)
    }

    @differentiable(reverse)
    public func callAsFunction(_ input: Tensor) -> Tensor {
        output(relu(second(relu(first(input)))))
    }

    public var inputSize: Int { first.weight.shape[1] }
    public var outputSize: Int { output.weight.shape[0] }

    public static var parameters: [ModelParameter<DeepPerceptron>] {
        ModelParameter.nested("first", \.first, \.first) + ModelParameter.nested("second", \.second, \.second)
            + ModelParameter.nested("output", \.output, \.output)
    }
}
