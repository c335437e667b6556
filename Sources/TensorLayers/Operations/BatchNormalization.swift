import _Differentiation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Batch normalisation over axis 1 of a [N, C, …] tensor (Ioffe & Szegedy 2015), with
/// PyTorch's conventions.
///
/// In ``Phase/training`` every channel is normalised with the batch's mean and biased
/// variance, and `statistics` moves towards the batch mean and the *unbiased* variance
/// with weight `momentum`. In ``Phase/inference`` the running statistics are used.
///
/// ```swift
/// let y = batchNorm(x, scale: gamma, offset: beta, statistics: stats, phase: .training)
/// ```
/// - Parameters:
///   - x: The input, [N, C, …] with at least two elements per channel in training.
///   - scale: γ, one per channel, [C].
///   - offset: β, one per channel, [C].
///   - statistics: The running statistics of the C channels.
///   - phase: Batch or running statistics.
///   - momentum: The weight of the batch in the running update (PyTorch: 0.1).
///   - epsilon: Added to the variance before the square root (PyTorch: 1e-5).
/// - Returns: `γ · (x − μ) / √(σ² + ε) + β`, shaped like `x`.
/// - Complexity: O(n), channels spread over all cores.
public func batchNorm(
    _ x: Tensor, scale: Tensor, offset: Tensor, statistics: RunningStatistics,
    phase: Phase, momentum: Float = 0.1, epsilon: Float = 1e-5
) -> Tensor {
    batchNormForward(x, scale, offset, statistics, phase, momentum, epsilon).output
}

@derivative(of: batchNorm, wrt: (x, scale, offset))
@usableFromInline
func _vjpBatchNorm(
    _ x: Tensor, scale: Tensor, offset: Tensor, statistics: RunningStatistics,
    phase: Phase, momentum: Float, epsilon: Float
) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor, Tensor)) {
    let forward = batchNormForward(x, scale, offset, statistics, phase, momentum, epsilon)
    return (forward.output, { v in
        guard !v.isZero else { return (.zero, .zero, .zero) }
        return batchNormBackward(x, scale, v, forward.mean, forward.inverseDeviation, normalizedWithBatch: phase == .training)
    })
}

/// The normalised output and the per-channel mean and 1/√(σ² + ε) it used.
func batchNormForward(
    _ x: Tensor, _ scale: Tensor, _ offset: Tensor, _ statistics: RunningStatistics,
    _ phase: Phase, _ momentum: Float, _ epsilon: Float
) -> (output: Tensor, mean: [Float], inverseDeviation: [Float]) {
    precondition(x.rank >= 2, "batchNorm: input \(x.shape) has no channel axis")
    let (batch, channels, spatial) = axisSplit(x.shape, 1)
    precondition(scale.shape == [channels] && offset.shape == [channels] && statistics.channels == channels,
                 "batchNorm: scale \(scale.shape), offset \(offset.shape) or statistics (\(statistics.channels)) do not fit \(channels) channels")
    let perChannel = batch * spatial
    var mean = [Float](repeating: 0, count: channels)
    var variance = [Float](repeating: 0, count: channels)
    let source = x.storage.base
    switch phase {
    case .training:
        precondition(perChannel > 1, "batchNorm: training needs more than one value per channel, input is \(x.shape)")
        mean.withUnsafeMutableBufferPointer { means in
            variance.withUnsafeMutableBufferPointer { variances in
                parallelTasks(channels) { channel, _ in
                    // One pass around a shift (the channel's first value) keeps the
                    // cancellation of E[x²] − E[x]² small.
                    let shift = source[channel * spatial]
                    var total = 0.0, squares = 0.0
                    for image in 0..<batch {
                        let row = source + (image * channels + channel) * spatial
                        total += Double(VectorMath.sum(row, spatial)) - Double(shift) * Double(spatial)
                        squares += Double(VectorMath.sumOfSquares(row, spatial, around: shift))
                    }
                    let shiftedMean = total / Double(perChannel)
                    means[channel] = Float(Double(shift) + shiftedMean)
                    variances[channel] = Float(max(0, squares / Double(perChannel) - shiftedMean * shiftedMean))
                }
            }
        }
        let correction = Float(perChannel) / Float(perChannel - 1)
        statistics.update(batchMean: mean, batchVariance: variance.map { $0 * correction }, momentum: momentum)
    case .inference:
        mean = statistics.mean
        variance = statistics.variance
    }
    let inverseDeviation = variance.map { 1 / sqrtf($0 + epsilon) }
    let result = Tensor(uninitializedShape: x.shape)
    let target = result.storage.base, gamma = scale.storage.base, beta = offset.storage.base
    mean.withUnsafeBufferPointer { means in
        inverseDeviation.withUnsafeBufferPointer { inverses in
            parallelTasks(batch * channels) { plane, _ in
                let channel = plane % channels
                let factor = gamma[channel] * inverses[channel]
                let shift = beta[channel] - means[channel] * factor
                let input = source + plane * spatial, output = target + plane * spatial
                for index in 0..<spatial { output[index] = input[index] * factor + shift }
            }
        }
    }
    return (result, mean, inverseDeviation)
}

/// The gradients of batch normalisation with respect to x, γ and β.
///
/// With x̂ = (x − μ)·s and m values per channel: dβ = Σ dy, dγ = Σ dy·x̂, and
/// dx = γ·s·(dy − (Σ dy + x̂·Σ dy·x̂)/m) when μ and s come from the batch,
/// dx = γ·s·dy when they are the running statistics.
func batchNormBackward(
    _ x: Tensor, _ scale: Tensor, _ v: Tensor, _ mean: [Float], _ inverseDeviation: [Float],
    normalizedWithBatch: Bool
) -> (Tensor, Tensor, Tensor) {
    let (batch, channels, spatial) = axisSplit(x.shape, 1)
    let perChannel = Float(batch * spatial)
    let dx = Tensor(uninitializedShape: x.shape)
    let dScale = Tensor(uninitializedShape: [channels]), dOffset = Tensor(uninitializedShape: [channels])
    let source = x.storage.base, dy = v.storage.base, target = dx.storage.base
    let gamma = scale.storage.base, dGamma = dScale.storage.base, dBeta = dOffset.storage.base
    mean.withUnsafeBufferPointer { means in
        inverseDeviation.withUnsafeBufferPointer { inverses in
            parallelTasks(channels) { channel, _ in
                let mu = means[channel], s = inverses[channel]
                var sumDy = 0.0, sumDyXhat = 0.0
                for image in 0..<batch {
                    let offset = (image * channels + channel) * spatial
                    sumDy += Double(VectorMath.sum(dy + offset, spatial))
                    sumDyXhat += Double(VectorMath.dot(dy + offset, source + offset, spatial, shift: mu)) * Double(s)
                }
                dBeta[channel] = Float(sumDy)
                dGamma[channel] = Float(sumDyXhat)
                let factor = gamma[channel] * s
                let meanDy = normalizedWithBatch ? Float(sumDy) / perChannel : 0
                let meanDyXhat = normalizedWithBatch ? Float(sumDyXhat) / perChannel : 0
                // dx = factor·dy − factor·meanDyXhat·s·x + factor·(meanDyXhat·s·μ − meanDy)
                let slope = factor * meanDyXhat * s
                let constant = factor * (meanDyXhat * s * mu - meanDy)
                for image in 0..<batch {
                    let offset = (image * channels + channel) * spatial
                    let input = source + offset, gradient = dy + offset, output = target + offset
                    for index in 0..<spatial {
                        output[index] = factor * gradient[index] - slope * input[index] + constant
                    }
                }
            }
        }
    }
    return (dx, dScale, dOffset)
}
