import _Differentiation

/// Batch normalisation over the channel axis; see
/// ``batchNorm(_:scale:offset:statistics:phase:momentum:epsilon:)``.
///
/// The running statistics live in a shared ``RunningStatistics`` object, updated whenever
/// the layer runs in ``Phase/training``.
///
/// ```swift
/// let norm = BatchNorm(channels: 64)
/// let y = norm(x, phase: .training)
/// ```
public struct BatchNorm: ParameterizedModel, Sendable {
    /// γ, one per channel (initially 1).
    public var scale: Tensor
    /// β, one per channel (initially 0).
    public var offset: Tensor
    /// The running mean and variance.
    @noDerivative public let statistics: RunningStatistics
    /// The weight of a batch in the running update.
    @noDerivative public let momentum: Float
    /// Added to the variance before the square root.
    @noDerivative public let epsilon: Float

    /// A layer for `channels` channels with PyTorch's defaults.
    ///
    /// - Parameters:
    ///   - channels: The number of channels (negative counts as 0).
    ///   - momentum: The weight of a batch in the running update.
    ///   - epsilon: Added to the variance before the square root.
    public init(channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        let channels = max(0, channels)
        scale = Tensor(filling: 1, shape: [channels])
        offset = Tensor(filling: 0, shape: [channels])
        statistics = RunningStatistics(channels: channels)
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// The layer applied to a [N, C, …] tensor.
    @differentiable(reverse, wrt: (self, input))
    public func callAsFunction(_ input: Tensor, phase: Phase) -> Tensor {
        batchNorm(input, scale: scale, offset: offset, statistics: statistics, phase: phase, momentum: momentum, epsilon: epsilon)
    }

    /// `scale` and `offset`.
    public static var parameters: [ModelParameter<BatchNorm>] {
        [ModelParameter("scale", \.scale, \.scale), ModelParameter("offset", \.offset, \.offset)]
    }

    /// The running mean and variance, saved as `statistics`.
    public var namedStatistics: [NamedStatistics] { [NamedStatistics("statistics", statistics)] }
}
