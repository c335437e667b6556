import Synchronization

/// The running state of adaptive IMLE: α, the moving average ḡ of non-zero gradient
/// entries per sample, and the last α update (for momentum) — ``AdaptiveIMLE``'s
/// ``GradientEstimator/State``.
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
    public convenience init(configuration: AdaptiveIMLE = AdaptiveIMLE()) {
        self.init(Snapshot(alpha: configuration.initialAlpha, nonZeroAverage: configuration.initialNonZeros))
    }

    /// The current values.
    public var snapshot: Snapshot { values.withLock { $0 } }

    /// Replaces the current values (e.g. when resuming from a checkpoint).
    public func restore(_ snapshot: Snapshot) { values.withLock { $0 = snapshot } }

    /// Applies one step of Eqs. 9 and 10 (``AdaptiveIMLE/advanced(_:meanNonZeros:)``) given
    /// the mean number of non-zero entries per sample observed in a backward pass, and returns
    /// the new values.
    @discardableResult
    public func update(meanNonZeros: Double, configuration: AdaptiveIMLE) -> Snapshot {
        values.withLock { state in
            state = configuration.advanced(state, meanNonZeros: meanNonZeros)
            return state
        }
    }

    /// Decodes a state from its snapshot's encoding.
        public convenience init(from decoder: any Decoder) throws {
        self.init(try Snapshot(from: decoder))
    }

    /// Encodes the state as its snapshot.
    public func encode(to encoder: any Encoder) throws {
        try snapshot.encode(to: encoder)
    }
}
