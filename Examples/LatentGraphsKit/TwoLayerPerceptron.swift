import _Differentiation
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// Two fully connected layers with ReLU after each: the building block of the NRI encoder
/// and decoder (Kipf et al. 2018 use ELU and batch normalisation; ReLU suffices here).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let mlp = try TwoLayerPerceptron(inputSize: 20, hiddenSize: 64, outputSize: 64, using: &rng)
/// let h = mlp(x)   // [rows, 20] → [rows, 64]
/// ```
public struct TwoLayerPerceptron: ParameterizedModel, Sendable {
    /// The first layer.
    public var first: Dense
    /// The second layer.
    public var second: Dense
    /// Whether a ReLU follows the second layer too.
    @noDerivative public let rectifiesOutput: Bool

    /// A perceptron with He-initialised weights.
    ///
    /// - Parameters:
    ///   - inputSize: features in.
    ///   - hiddenSize: units of the first layer.
    ///   - outputSize: features out.
    ///   - rectifiesOutput: whether a ReLU follows the second layer (default) or it is linear.
    ///   - zeroOutput: start the second layer at zero, so the perceptron outputs 0 until
    ///     training gives it a reason not to (needs a linear output to receive gradients).
    ///   - generator: the seeded source of randomness.
    /// - Throws: ``ExampleError`` for sizes below 1.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, rectifiesOutput: Bool = true, zeroOutput: Bool = false,
                using generator: inout SeededGenerator) throws(ExampleError) {
        self.rectifiesOutput = rectifiesOutput
        do {
            first = try Dense(inputSize: inputSize, outputSize: hiddenSize, using: &generator)
            second = try Dense(inputSize: hiddenSize, outputSize: outputSize, using: &generator)
            if zeroOutput { second.weight = try Tensor(repeating: 0, shape: [outputSize, hiddenSize]) }
        } catch {
            throw ExampleError("cannot build a perceptron \(inputSize) → \(hiddenSize) → \(outputSize): \(error)")
        }
    }

    /// relu(second(relu(first(x)))) (or without the outer ReLU) for x of shape [rows, inputSize].
    @differentiable(reverse)
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let output = second(relu(first(x)))
        return rectifiesOutput ? relu(output) : output
    }

    /// The trainable tensors, in a fixed order.
    public static var parameters: [ModelParameter<TwoLayerPerceptron>] {
        ModelParameter.nested("first", \.first, \.first) + ModelParameter.nested("second", \.second, \.second)
    }
}
