import DifferentiableSolvers
import KindedErrors

/// The broad class of a ``RegistryError``.
public enum RegistryFailure: String, ErrorKind {
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

    /// A registry error carries the solver's own error, when its factory rejected the options.
    public typealias Details = SolverError?
}

/// The error a ``SolverRegistry`` throws: what went wrong with which name or option.
///
/// Its ``RegistryFailure`` says broadly what failed; when a solver's factory rejected the
/// options, `solverError` keeps the solver's own error. The text is "kind: message".
///
/// ```swift
/// do { _ = try registry.makeSolver(named: "top-k", options: ["k": "three"]) }
/// catch { print(error) }   // wrongOptionType: option 'k' of solver 'top-k' must be an integer, got a string
/// ```
public typealias RegistryError = KindedError<RegistryFailure>
