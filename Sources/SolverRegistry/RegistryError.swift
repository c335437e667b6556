import DifferentiableSolvers

/// The error a ``SolverRegistry`` throws: what went wrong with which name or option.
///
/// ```swift
/// do { _ = try registry.makeSolver(named: "top-k", options: ["k": "three"]) }
/// catch { print(error) }   // wrongOptionType: option 'k' of solver 'top-k' must be an integer, got a string
/// ```
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A solver is already registered under this name.
        case duplicateName
        /// The name is not a stable dotted name (lowercase letters, digits, `-`, `.`).
        case invalidName
        /// No solver is registered under this name.
        case unknownSolver
        /// The options name an option the solver does not take.
        case unknownOption
        /// A required option is missing.
        case missingOption
        /// An option has the wrong JSON type (a string where an integer is expected …).
        case wrongOptionType
        /// An option has the right type but a value the solver rejects (e.g. k = 0).
        case invalidOption
        /// The options are not a JSON object, or a registration is inconsistent.
        case malformedOptions
    }

    /// The broad class of failure.
    public var kind: Kind
    /// What went wrong and how to fix it.
    public var message: String
    /// The solver's own error, when its factory rejected the options.
    public var solverError: SolverError?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, solverError: SolverError? = nil) {
        self.kind = kind
        self.message = message
        self.solverError = solverError
    }

    /// "kind: message".
    public var description: String { "\(kind.rawValue): \(message)" }
}
