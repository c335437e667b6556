/// The status every function of the C ABI returns: `DS_OK` (0) on success, otherwise the
/// class of the failure, whose message ``ds_last_error()`` returns.
///
/// The raw values are the `DS_*` constants of `differentiable_solvers.h`: the cases count up
/// from `DS_OK` (0) in the header's order, so a new status goes last and none ever moves (a
/// test reads the header and checks every case against its constant).
public enum ABIStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case ok
    /// A NULL pointer, a negative size, a string that is not UTF-8, or text that is not JSON.
    case invalidArgument
    /// No solver is registered under the name.
    case unknownSolver
    /// The solver's options are unknown, missing, of the wrong type, or rejected.
    case invalidOptions
    /// A buffer or matrix has the wrong size or shape.
    case shapeMismatch
    /// θ, ∂L/∂z or a loss value is NaN or infinite.
    case nonFiniteInput
    /// A layer setting is invalid: an unknown estimator or noise, zero samples, λ ≤ 0 …
    case invalidConfiguration
    /// The solver failed on an instance (infeasible, out of its domain, a library failure).
    case solverFailed
    /// The handle is 0, was freed already, or names an object of another kind.
    case invalidHandle
    /// An output buffer is smaller than the result.
    case bufferTooSmall
    /// The estimator needs per-sample losses that were not given.
    case missingSampleLosses
    /// A tape was given to a layer that did not record it.
    case foreignTape
}
