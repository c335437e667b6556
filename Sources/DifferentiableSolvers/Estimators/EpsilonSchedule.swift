/// The perturbation ε of direct loss minimisation, constant or annealed over training.
///
/// Lorberbom et al. (2019) anneal ε as Jang et al. (2017) anneal the Gumbel-softmax
/// temperature: every `interval` steps, ε = max(floor, initial · exp(−rate · step)). Their
/// code used initial = 1, rate = 10⁻⁵, floor = 0.1, interval = 500 (``paper``).
///
/// ```swift
/// let schedule = EpsilonSchedule.paper
/// schedule.value(atStep: 100_000)     // 0.3679 (= exp(−1))
/// ```
public struct EpsilonSchedule: Sendable, Hashable, Codable {
    /// ε at step 0.
    public var initial: Double
    /// The exponential decay rate per step.
    public var rate: Double
    /// The smallest ε.
    public var floor: Double
    /// How many steps ε stays constant between updates.
    public var interval: Int

    /// Creates a schedule.
    public init(initial: Double, rate: Double = 0, floor: Double = 0, interval: Int = 1) {
        self.initial = initial
        self.rate = rate
        self.floor = floor
        self.interval = interval
    }

    /// A constant ε.
    public static func constant(_ epsilon: Double) -> EpsilonSchedule { EpsilonSchedule(initial: epsilon) }

    /// The paper's annealing: from 1 by exp(−10⁻⁵ t) every 500 steps, at least 0.1.
    public static let paper = EpsilonSchedule(initial: 1, rate: 1e-5, floor: 0.1, interval: 500)

    /// ε at a training step (the layer's forward-pass count).
    public func value(atStep step: UInt64) -> Double {
        let interval = UInt64(max(self.interval, 1))
        let annealedStep = Double(step / interval * interval)
        return max(floor, initial * _exp(-rate * annealedStep))
    }

    var configurationProblem: String? {
        if !(initial > 0) || !initial.isFinite { return "direct loss needs ε > 0 (got \(initial))" }
        if !(rate >= 0) || !rate.isFinite { return "the ε decay rate must be ≥ 0 (got \(rate))" }
        if !(floor >= 0) || floor > initial { return "the ε floor must be in [0, ε₀] (got \(floor))" }
        if floor == 0 && rate > 0 { return "an annealed ε needs a floor > 0, or ε would reach 0" }
        return interval >= 1 ? nil : "the ε interval must be ≥ 1 (got \(interval))"
    }
}
