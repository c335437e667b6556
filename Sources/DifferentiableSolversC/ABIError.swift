import DifferentiableSolvers
import DsolveCore
import SolverRegistry

/// A failure of a C ABI call: its status and the message ``ds_last_error()`` returns.
///
/// Every typed error of the package maps to one status in the initializers below, and its
/// message is kept word for word.
struct ABIError: Error, Sendable {
    var status: ABIStatus
    var message: String

    init(_ status: ABIStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// A registry failure: an unknown solver, or options it does not accept.
    init(_ error: RegistryError) {
        self.init(error.kind == .unknownSolver ? .unknownSolver : .invalidOptions, error.message)
    }

    /// A solver failure in a batch solve.
    init(_ error: SolverError) {
        switch error.kind {
        case .shapeMismatch: self.init(.shapeMismatch, error.description)
        case .nonFiniteParameter: self.init(.nonFiniteInput, error.description)
        default: self.init(.solverFailed, error.description)
        }
    }

    /// A layer failure.
    init(_ error: LayerError) {
        let status: ABIStatus = switch error.kind {
        case .shapeMismatch: .shapeMismatch
        case .nonFiniteInput: .nonFiniteInput
        case .invalidConfiguration: .invalidConfiguration
        case .foreignTape: .foreignTape
        case .missingSampleLosses: .missingSampleLosses
        case .solverFailed: .solverFailed
        }
        self.init(status, error.description)
    }

    /// Malformed JSON input (the `dsolve` parser's message).
    init(_ error: DsolveError) {
        self.init(.invalidArgument, error.message)
    }
}
