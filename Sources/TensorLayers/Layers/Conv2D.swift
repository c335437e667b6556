import _Differentiation
import DifferentiableSolvers

/// A 2-D convolution layer over NCHW batches; see ``conv2d(_:filter:bias:stride:padding:)``.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let conv = try Conv2D(inputChannels: 3, outputChannels: 64, kernelSize: 7,
///                       stride: 2, padding: 3, hasBias: false, using: &rng)
/// let y = conv(images)   // [N, 3, 96, 96] → [N, 64, 48, 48]
/// ```
public struct Conv2D: ParameterizedModel, Sendable {
    /// The filters, [outputChannels, inputChannels, kernelSize, kernelSize].
    public var filter: Tensor
    /// One offset per output channel, or ``Tensor/zero`` when the layer has none.
    public var bias: Tensor
    /// The step between windows.
    @noDerivative public let stride: Int
    /// Zero padding on every side.
    @noDerivative public let padding: Int

    /// A layer with He-normal filters (fan out, as torchvision's ResNets) and a zero bias.
    ///
    /// - Parameters:
    ///   - inputChannels: Channels in, at least 1.
    ///   - outputChannels: Channels out, at least 1.
    ///   - kernelSize: The window side, at least 1.
    ///   - stride: The step between windows, at least 1.
    ///   - padding: Zero padding, from 0 to `kernelSize − 1`.
    ///   - hasBias: Whether to learn a bias.
    ///   - generator: The seeded source of randomness.
    /// - Throws: ``TensorError`` when a size is out of range.
    public init(
        inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        hasBias: Bool = true, using generator: inout SeededGenerator
    ) throws(TensorError) {
        guard inputChannels >= 1, outputChannels >= 1, kernelSize >= 1, stride >= 1, (0..<kernelSize).contains(padding) else {
            throw TensorError(.invalidArgument, "Conv2D: invalid sizes (in \(inputChannels), out \(outputChannels), kernel \(kernelSize), stride \(stride), padding \(padding))")
        }
        filter = try .kaimingNormal(shape: [outputChannels, inputChannels, kernelSize, kernelSize],
                                    fan: outputChannels * kernelSize * kernelSize, using: &generator)
        bias = hasBias ? Tensor(filling: 0, shape: [outputChannels]) : .zero
        self.stride = stride
        self.padding = padding
    }

    /// The layer applied to an NCHW batch.
    @differentiable(reverse)
    @differentiable(reverse, wrt: self)
    public func callAsFunction(_ input: Tensor) -> Tensor {
        conv2d(input, filter: filter, bias: bias, stride: stride, padding: padding)
    }

    /// The output shape for an input of `shape`.
    ///
    /// - Throws: ``TensorError`` when `shape` is not [N, inputChannels, H, W] with the
    ///   window fitting into the padded image.
    public func outputShape(forInput shape: [Int]) throws(TensorError) -> [Int] {
        guard shape.count == 4, shape[1] == filter.shape[1], shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError(.shapeMismatch, "Conv2D expects [N, \(filter.shape[1]), H, W], got \(shape)")
        }
        let kernel = filter.shape[2]
        guard shape[2] + 2 * padding >= kernel, shape[3] + 2 * padding >= kernel else {
            throw TensorError(.shapeMismatch, "Conv2D: a \(kernel) × \(kernel) kernel with padding \(padding) does not fit \(shape[2]) × \(shape[3])")
        }
        return [shape[0], filter.shape[0], (shape[2] + 2 * padding - kernel) / stride + 1, (shape[3] + 2 * padding - kernel) / stride + 1]
    }

    /// `filter` and `bias`.
    public static var parameters: [ModelParameter<Conv2D>] {
        [ModelParameter("filter", \.filter, \.filter), ModelParameter("bias", \.bias, \.bias)]
    }
}
