import Synchronization

/// The running mean and variance of a batch-normalisation layer, updated during training.
///
/// A reference type, so a layer called inside a differentiable function can update it;
/// copies of a layer share their statistics. Safe to use from several threads.
///
/// ```swift
/// let statistics = RunningStatistics(channels: 64)
/// print(statistics.mean, statistics.variance)   // zeros, ones
/// ```
public final class RunningStatistics: Sendable {
    private struct State { var mean: [Float]; var variance: [Float] }
    private let state: Mutex<State>

    /// The number of channels.
    public let channels: Int

    /// Statistics for `channels` channels: mean 0 and variance 1, as in PyTorch.
    public init(channels: Int) {
        self.channels = max(0, channels)
        state = Mutex(State(mean: Array(repeating: 0, count: max(0, channels)),
                            variance: Array(repeating: 1, count: max(0, channels))))
    }

    /// The running mean of every channel.
    public var mean: [Float] { state.withLock { $0.mean } }

    /// The running (unbiased) variance of every channel.
    public var variance: [Float] { state.withLock { $0.variance } }

    /// Replaces both statistics.
    ///
    /// - Throws: ``TensorError`` when a count differs from ``channels``.
    public func set(mean: [Float], variance: [Float]) throws(TensorError) {
        guard mean.count == channels, variance.count == channels else {
            throw TensorError(.shapeMismatch, "running statistics need \(channels) values each, got \(mean.count) and \(variance.count)")
        }
        state.withLock { $0 = State(mean: mean, variance: variance) }
    }

    /// Moves the statistics towards a batch's: `running = (1 − momentum) · running + momentum · batch`.
    func update(batchMean: [Float], batchVariance: [Float], momentum: Float) {
        state.withLock { state in
            for channel in 0..<channels {
                state.mean[channel] += momentum * (batchMean[channel] - state.mean[channel])
                state.variance[channel] += momentum * (batchVariance[channel] - state.variance[channel])
            }
        }
    }
}
