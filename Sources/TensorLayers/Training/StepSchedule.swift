/// A step learning-rate schedule: the initial rate multiplied by `factor` at every
/// milestone epoch passed (PyTorch's `StepLR` and `MultiStepLR`).
///
/// ```swift
/// let schedule = StepSchedule(initial: 5e-4, milestones: [30, 40], factor: 0.1)
/// optimizer.learningRate = schedule.learningRate(atEpoch: epoch)
/// ```
public struct StepSchedule: Sendable, Hashable {
    /// The rate before the first milestone.
    public let initial: Float
    /// The epochs at which the rate drops, ascending.
    public let milestones: [Int]
    /// The multiplier applied at each milestone.
    public let factor: Float

    /// A schedule dropping by `factor` at each of `milestones` (sorted for you).
    public init(initial: Float, milestones: [Int], factor: Float = 0.1) {
        self.initial = initial
        self.milestones = milestones.sorted()
        self.factor = factor
    }

    /// A schedule dropping by `factor` every `stepSize` epochs up to `epochs`
    /// (a `stepSize` below 1 never drops).
    public init(initial: Float, every stepSize: Int, upTo epochs: Int, factor: Float = 0.1) {
        let milestones = stepSize >= 1 ? Array(Swift.stride(from: stepSize, through: max(epochs, 0), by: stepSize)) : []
        self.init(initial: initial, milestones: milestones, factor: factor)
    }

    /// The rate for `epoch` (counted from 0).
    ///
    /// - Complexity: O(number of milestones).
    public func learningRate(atEpoch epoch: Int) -> Float {
        var rate = initial
        for milestone in milestones where epoch >= milestone { rate *= factor }
        return rate
    }
}
