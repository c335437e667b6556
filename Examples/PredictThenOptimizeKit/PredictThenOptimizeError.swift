/// What can go wrong when generating, loading or learning from predict-then-optimise data.
///
/// ```swift
/// do { _ = try ShortestPathGenerator(instances: 0, features: 5).generate() }
/// catch let error as PredictThenOptimizeError { print(error) }   // invalidArgument: …
/// ```
public struct PredictThenOptimizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A size, degree, noise width or other argument is out of range.
        case invalidArgument
        /// Arrays whose shapes do not fit together (features, costs, solutions, weights).
        case shapeMismatch
        /// A `.npy` file is missing, unreadable or of the wrong element type.
        case unreadableData
        /// A solver or the layer failed.
        case solverFailed
    }

    /// The category.
    public var kind: Kind
    /// What happened, naming the offending value.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// "kind: message".
    public var description: String { "\(kind.rawValue): \(message)" }
}
