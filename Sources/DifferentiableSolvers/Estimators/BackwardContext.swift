/// Scores candidate states for exact direct loss minimisation: given candidates (one per
/// row of the matrix) and, for each, the batch row it belongs to, returns the downstream
/// loss of every candidate. Called once per backward pass, on the caller's thread, with all
/// candidates of the batch, so that a decoder can score them in one batched pass.
public typealias CandidateScorer = (_ candidates: Matrix, _ rows: [Int]) throws -> [Float]

/// A key of a ``BackwardContext`` entry: the type of its value, named once.
///
/// ```swift
/// enum Temperature: BackwardContextKey { typealias Value = Float }
/// var context = BackwardContext()
/// context[Temperature.self] = 0.5
/// ```
public protocol BackwardContextKey {
    /// The type of the entry's value.
    associatedtype Value
}

/// The inputs that some estimators need beyond ∂L/∂z, typed by key: the per-sample losses
/// of the score-function estimator, the candidate scorer of exact direct loss, or an entry
/// of a user's own estimator under its own ``BackwardContextKey``.
///
/// Used on the caller's thread only, so it may hold closures that are not `Sendable`.
///
/// ```swift
/// let dTheta = try layer.backward(dLdz, tape, context: BackwardContext(sampleLosses: losses))
/// ```
public struct BackwardContext {
    /// The loss of every sample ((B · S) values, sample-major within a row).
    public enum SampleLosses: BackwardContextKey {
        /// The losses.
        public typealias Value = [Float]
    }

    /// The scorer of candidate states.
    public enum Scorer: BackwardContextKey {
        /// The scorer.
        public typealias Value = CandidateScorer
    }

    private var entries: [ObjectIdentifier: Any] = [:]

    /// An empty context.
    public init() {}

    /// A context with the inputs of the package's estimators.
    ///
    /// - Parameters:
    ///   - sampleLosses: the loss of every sample, for the score-function estimator.
    ///   - scorer: the scorer of candidate states, for exact direct loss.
    public init(sampleLosses: [Float]? = nil, scorer: CandidateScorer? = nil) {
        self[SampleLosses.self] = sampleLosses
        self[Scorer.self] = scorer
    }

    /// The entry under `key`, if any.
    public subscript<Key: BackwardContextKey>(_ key: Key.Type) -> Key.Value? {
        get { entries[ObjectIdentifier(key)] as? Key.Value }
        set { entries[ObjectIdentifier(key)] = newValue }
    }

    /// The per-sample losses, if given.
    public var sampleLosses: [Float]? {
        get { self[SampleLosses.self] }
        set { self[SampleLosses.self] = newValue }
    }

    /// The candidate scorer, if given.
    public var scorer: CandidateScorer? {
        get { self[Scorer.self] }
        set { self[Scorer.self] = newValue }
    }
}
