import _Differentiation

/// Stochastic gradient descent with momentum, as `torch.optim.SGD` (no dampening):
/// `b ← μ·b + g`, `p ← p − η·b` (Nesterov: `p ← p − η·(g + μ·b)`).
///
/// ```swift
/// var optimizer = StochasticGradientDescent(learningRate: 0.1, momentum: 0.9)
/// try optimizer.update(&model, along: gradient(at: model) { loss($0) })
/// ```
public struct StochasticGradientDescent: Sendable {
    /// The step size; change it between steps for a schedule.
    public var learningRate: Float
    /// The momentum μ (0 for plain SGD).
    public var momentum: Float
    /// Whether to use Nesterov momentum.
    public var nesterov: Bool
    /// The L2 penalty coefficient (added to the gradient).
    public var weightDecay: Float
    private var velocities: [Tensor] = []

    /// An optimiser with the given settings.
    public init(learningRate: Float, momentum: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// Moves every parameter of `model` one step against `gradient`.
    ///
    /// - Parameters:
    ///   - model: The model to update in place.
    ///   - gradient: The gradient of the loss with respect to `model`.
    /// - Throws: ``TensorError`` when a gradient does not fit its parameter or is not finite,
    ///   or the optimiser was used with another model; nothing is changed then.
    /// - Complexity: O(number of parameters).
    public mutating func update<Model: ParameterizedModel>(_ model: inout Model, along gradient: Model.TangentVector) throws(TensorError) {
        let gradients = try model.checkedGradients(gradient)
        velocities = try model.optimizerSlots(velocities, of: "SGD")
        let (rate, mu, decay, nesterov) = (learningRate, momentum, weightDecay, self.nesterov)
        model.updateParameters(along: gradients) { index, p, g, count in
            let b = velocities[index].uniqueStorage().base
            parallelRanges(count, grain: 16_384) { range in
                for i in range {
                    let gi = g[i] + decay * p[i]
                    b[i] = mu * b[i] + gi
                    p[i] -= rate * (nesterov ? gi + mu * b[i] : b[i])
                }
            }
        }
    }
}
