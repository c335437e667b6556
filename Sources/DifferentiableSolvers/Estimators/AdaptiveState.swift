import Synchronization

/// The running state of adaptive IMLE: α, the moving average ḡ of non-zero gradient
/// entries per sample, and the last α update (for momentum).
///
/// A reference type shared by a layer and its copies, safe to use from several threads
/// (every access takes a lock), and `Codable` so that a training run can checkpoint and
/// resume it bit-exactly.
///
/// ```swift
/// let data = try JSONEncoder().encode(layer.adaptiveState)
/// let restored = try JSONDecoder().decode(AdaptiveState.self, from: data)
/// layer = DifferentiableSolverLayer(solver: solver, estimator: .aimle(), adaptiveState: restored)
/// ```
public final class AdaptiveState: Sendable, Codable {
    /// A copy of the state's values.
    public struct Snapshot: Sendable, Hashable, Codable {
        /// The current α of Eq. 8.
        public var alpha: Double
        /// The moving average ḡ of Eq. 9.
        public var nonZeroAverage: Double
        /// The last change applied to α.
        public var previousUpdate: Double
        /// How many updates have been applied.
        public var updates: Int

        /// Creates a snapshot.
        public init(alpha: Double, nonZeroAverage: Double, previousUpdate: Double = 0, updates: Int = 0) {
            self.alpha = alpha
            self.nonZeroAverage = nonZeroAverage
            self.previousUpdate = previousUpdate
            self.updates = updates
        }
    }

    private let values: Mutex<Snapshot>

    /// The largest α any rule reaches: a perturbation 10⁶ times ‖θ‖ already ignores θ, and
    /// the ceiling keeps α finite for a solver whose states never differ (a single feasible
    /// point), where every rule would otherwise raise it until λ overflows.
    public static let alphaCeiling = 1e6

    /// A state starting from `snapshot`.
    public init(_ snapshot: Snapshot) {
        values = Mutex(snapshot)
    }

    /// A state starting from the initial values of `configuration`.
    public convenience init(configuration: AIMLEConfiguration = AIMLEConfiguration()) {
        self.init(Snapshot(alpha: configuration.initialAlpha, nonZeroAverage: configuration.initialNonZeros))
    }

    /// The current values.
    public var snapshot: Snapshot { values.withLock { $0 } }

    /// Replaces the current values (e.g. when resuming from a checkpoint).
    public func restore(_ snapshot: Snapshot) { values.withLock { $0 = snapshot } }

    /// Applies one step of Eqs. 9 and 10 given the mean number of non-zero entries per sample
    /// observed in a backward pass, and returns the new values.
    @discardableResult
    public func update(meanNonZeros: Double, configuration: AIMLEConfiguration) -> Snapshot {
        values.withLock { state in
            let gamma = configuration.decay
            state.nonZeroAverage = gamma * state.nonZeroAverage + (1 - gamma) * meanNonZeros
            let increase = state.nonZeroAverage <= configuration.targetNonZeros
            let old = state.alpha
            switch configuration.adaptation {
            case .additive(let step):
                state.alpha = max(0, old + (increase ? step : -step))
            case .momentum(let step, let momentum):
                let change = momentum * state.previousUpdate + (increase ? step : -step)
                state.alpha = max(0, old + change)
            case .multiplicative(let rate, let floor):
                state.alpha = increase ? max(old, floor) * (1 + rate) : old / (1 + rate)
            }
            state.alpha = min(state.alpha, Self.alphaCeiling)
            state.previousUpdate = state.alpha - old
            state.updates += 1
            return state
        }
    }

    public convenience init(from decoder: any Decoder) throws {
        self.init(try Snapshot(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try snapshot.encode(to: encoder)
    }
}
