import _Differentiation
import DifferentiableSolvers

/// The basic residual block of ResNet-18 (He et al. 2016) with equal input and output
/// channels: `relu(norm2(conv2(relu(norm1(conv1(x))))) + x)`, both convolutions 3 × 3,
/// stride 1, padding 1, without bias.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let block = try ResidualBlock(channels: 64, using: &rng)
/// let y = block(x, phase: .training)   // shape unchanged
/// ```
public struct ResidualBlock: ParameterizedModel, Sendable {
    /// The first 3 × 3 convolution.
    public var conv1: Conv2D
    /// The normalisation after the first convolution.
    public var norm1: BatchNorm
    /// The second 3 × 3 convolution.
    public var conv2: Conv2D
    /// The normalisation after the second convolution (its scale starts at 1).
    public var norm2: BatchNorm

    /// A block for `channels` channels with He-normal filters.
    ///
    /// - Parameters:
    ///   - channels: Channels in and out, at least 1.
    ///   - generator: The seeded source of randomness.
    /// - Throws: ``TensorError`` when `channels` is below 1.
    public init(channels: Int, using generator: inout SeededGenerator) throws(TensorError) {
        conv1 = try Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: 3, padding: 1, hasBias: false, using: &generator)
        norm1 = BatchNorm(channels: channels)
        conv2 = try Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: 3, padding: 1, hasBias: false, using: &generator)
        norm2 = BatchNorm(channels: channels)
    }

    /// The block applied to an NCHW batch with `channels` channels.
    @differentiable(reverse, wrt: (self, input))
    public func callAsFunction(_ input: Tensor, phase: Phase) -> Tensor {
        let hidden = relu(norm1(conv1(input), phase: phase))
        return relu(norm2(conv2(hidden), phase: phase) + input)
    }

    /// The parameters of `conv1`, `norm1`, `conv2` and `norm2`, prefixed with their names.
    public static var parameters: [ModelParameter<ResidualBlock>] {
        ModelParameter.nested("conv1", \.conv1, \.conv1) + ModelParameter.nested("norm1", \.norm1, \.norm1)
            + ModelParameter.nested("conv2", \.conv2, \.conv2) + ModelParameter.nested("norm2", \.norm2, \.norm2)
    }

    /// The running statistics of `norm1` and `norm2`, prefixed with their names.
    public var namedStatistics: [NamedStatistics] {
        norm1.namedStatistics.map { $0.prefixed("norm1") } + norm2.namedStatistics.map { $0.prefixed("norm2") }
    }
}
