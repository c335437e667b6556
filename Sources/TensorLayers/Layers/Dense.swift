import _Differentiation
import DifferentiableSolvers

/// A fully connected layer, `x · weightᵀ + bias`.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let layer = try Dense(inputSize: 10, outputSize: 4, using: &rng)
/// let y = layer(x)   // [batch, 10] → [batch, 4]
/// ```
public struct Dense: ParameterizedModel, Sendable {
    /// The weights, [outputSize, inputSize].
    public var weight: Tensor
    /// The bias, [outputSize], or ``Tensor/zero`` when the layer has none.
    public var bias: Tensor

    /// A layer with He-normal weights (fan in) and a zero bias.
    ///
    /// - Parameters:
    ///   - inputSize: Features in, at least 1.
    ///   - outputSize: Features out, at least 1.
    ///   - hasBias: Whether to learn a bias.
    ///   - generator: The seeded source of randomness.
    /// - Throws: ``TensorError`` for sizes below 1.
    public init(inputSize: Int, outputSize: Int, hasBias: Bool = true, using generator: inout SeededGenerator) throws(TensorError) {
        guard inputSize >= 1, outputSize >= 1 else {
            throw TensorError(.invalidArgument, "Dense needs positive sizes, got \(inputSize) → \(outputSize)")
        }
        weight = try .kaimingNormal(shape: [outputSize, inputSize], fan: inputSize, using: &generator)
        bias = hasBias ? Tensor(filling: 0, shape: [outputSize]) : .zero
    }

    /// The layer applied to a [batch, inputSize] tensor.
    @differentiable(reverse)
    public func callAsFunction(_ input: Tensor) -> Tensor {
        linear(input, weight: weight, bias: bias)
    }

    /// `weight` and `bias`.
    public static var parameters: [ModelParameter<Dense>] {
        [ModelParameter("weight", \.weight, \.weight), ModelParameter("bias", \.bias, \.bias)]
    }
}
