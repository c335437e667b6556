import Synchronization

/// The estimator states of a layer and its copies, one per state type: what adapts from one
/// backward pass to the next (adaptive IMLE's ``AdaptiveState``) outlives a change of the
/// layer's estimator, as long as the new one has a state of the same type.
final class EstimatorStates: Sendable {
    private let storage: Mutex<[ObjectIdentifier: any Sendable]>

    init(_ states: [any Sendable]) {
        var entries: [ObjectIdentifier: any Sendable] = [:]
        for state in states { entries[ObjectIdentifier(type(of: state))] = state }
        storage = Mutex(entries)
    }

    /// The state of type `State`, if one was stored.
    func state<State: Sendable>(_ type: State.Type) -> State? {
        storage.withLock { $0[ObjectIdentifier(type)] as? State }
    }

    /// Stores `state`, replacing the state of its type.
    func store<State: Sendable>(_ state: State) {
        storage.withLock { $0[ObjectIdentifier(State.self)] = state }
    }
}
