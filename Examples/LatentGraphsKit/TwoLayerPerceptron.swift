import _Differentiation
import DifferentiableSolvers
import TensorLayers

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

    /// A perceptron with He-initialised weights.
    ///
    /// - Throws: ``LatentGraphsError`` for sizes below 1.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, using generator: inout SeededGenerator) throws(LatentGraphsError) {
        do {
            first = try Dense(inputSize: inputSize, outputSize: hiddenSize, using: &generator)
            second = try Dense(inputSize: hiddenSize, outputSize: outputSize, using: &generator)
        } catch {
            throw LatentGraphsError("cannot build a perceptron \(inputSize) → \(hiddenSize) → \(outputSize): \(error)")
        }
    }

    /// relu(second(relu(first(x)))) for x of shape [rows, inputSize].
    @differentiable(reverse)
    public func callAsFunction(_ x: Tensor) -> Tensor {
        relu(second(relu(first(x))))
    }

    public static var parameters: [ModelParameter<TwoLayerPerceptron>] {
        ModelParameter.nested("first", \.first, \.first) + ModelParameter.nested("second", \.second, \.second)
    }
}
