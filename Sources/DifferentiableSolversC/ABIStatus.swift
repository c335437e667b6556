/// The status every function of the C ABI returns: `DS_OK` (0) on success, otherwise the
/// class of the failure, whose message ``ds_last_error()`` returns.
///
/// The raw values are the `DS_*` constants of `differentiable_solvers.h`; they never change.
public enum ABIStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case ok = 0
    /// A NULL pointer, a negative size, a string that is not UTF-8, or text that is not JSON.
    case invalidArgument = 1
    /// No solver is registered under the name.
    case unknownSolver = 2
    /// The solver's options are unknown, missing, of the wrong type, or rejected.
    case invalidOptions = 3
    /// A buffer or matrix has the wrong size or shape.
    case shapeMismatch = 4
    /// θ, ∂L/∂z or a loss value is NaN or infinite.
    case nonFiniteInput = 5
    /// A layer setting is invalid: an unknown estimator or noise, zero samples, λ ≤ 0 …
    case invalidConfiguration = 6
    /// The solver failed on an instance (infeasible, out of its domain, a library failure).
    case solverFailed = 7
    /// The handle is 0, was freed already, or names an object of another kind.
    case invalidHandle = 8
    /// An output buffer is smaller than the result.
    case bufferTooSmall = 9
    /// The estimator needs per-sample losses that were not given.
    case missingSampleLosses = 10
    /// A tape was given to a layer that did not record it.
    case foreignTape = 11
}
