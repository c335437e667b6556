import Synchronization

/// The identity of a ``DifferentiableSolverLayer``, shared by its copies and recorded on every
/// ``SolverTape`` it makes: `backward` accepts only tapes with its own identity.
///
/// ```swift
/// let (_, tape) = try layer.forward(theta)
/// tape.layer == layer.identity      // true; another layer's backward refuses this tape
/// ```
public struct LayerIdentity: Sendable, Hashable, CustomStringConvertible {
    private let rawValue: UInt64

    private static let counter = Atomic<UInt64>(0)

    /// A new identity, different from every other of this process.
    public init() {
        rawValue = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// "layer #N", N counting the layers made in this process.
    public var description: String { "layer #\(rawValue)" }
}
