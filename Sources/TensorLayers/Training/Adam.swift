import _Differentiation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Adam optimiser (Kingma & Ba 2015) with PyTorch's defaults and optional L2 weight
/// decay (added to the gradient, as `torch.optim.Adam`).
///
/// ```swift
/// var optimizer = Adam(learningRate: 5e-4)
/// let g = gradient(at: model) { loss($0) }
/// try optimizer.update(&model, along: g)
/// ```
public struct Adam: Sendable {
    /// The step size; change it between steps for a schedule.
    public var learningRate: Float
    /// The decay of the first-moment estimate.
    public var beta1: Float
    /// The decay of the second-moment estimate.
    public var beta2: Float
    /// Added to the root of the second moment.
    public var epsilon: Float
    /// The L2 penalty coefficient.
    public var weightDecay: Float
    /// The number of updates so far.
    public internal(set) var step = 0
    var firstMoments: [Tensor] = []
    var secondMoments: [Tensor] = []

    /// An optimiser with the given settings (PyTorch defaults).
    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Moves every parameter of `model` one Adam step against `gradient`.
    ///
    /// Parameters whose gradient is ``Tensor/zero`` (unused) keep their value and moments.
    ///
    /// - Parameters:
    ///   - model: The model to update in place.
    ///   - gradient: The gradient of the loss with respect to `model`.
    /// - Throws: ``TensorError`` when a gradient does not fit its parameter or is not finite,
    ///   or the optimiser was used with another model; nothing is changed then.
    /// - Complexity: O(number of parameters).
    public mutating func update<Model: ParameterizedModel>(_ model: inout Model, along gradient: Model.TangentVector) throws(TensorError) {
        let gradients = try model.checkedGradients(gradient)
        let moments = try model.optimizerSlots(firstMoments, of: "Adam")
        secondMoments = try model.optimizerSlots(secondMoments, of: "Adam")
        firstMoments = moments
        step += 1
        let correction1 = 1 - powf(beta1, Float(step)), correction2 = 1 - powf(beta2, Float(step))
        let (beta1, beta2, epsilon, decay) = (self.beta1, self.beta2, self.epsilon, weightDecay)
        let stepSize = learningRate / correction1
        model.updateParameters(along: gradients) { index, p, g, count in
            let m = firstMoments[index].uniqueStorage().base, v = secondMoments[index].uniqueStorage().base
            parallelRanges(count, grain: 16_384) { range in
                for i in range {
                    let gi = g[i] + decay * p[i]
                    m[i] = beta1 * m[i] + (1 - beta1) * gi
                    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
                    p[i] -= stepSize * m[i] / (sqrtf(v[i] / correction2) + epsilon)
                }
            }
        }
    }
}
