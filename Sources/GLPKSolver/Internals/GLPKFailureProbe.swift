import CGLPKShim
import DifferentiableSolvers

/// Drives GLPK into its fatal-error path on purpose (it is asked to add −1 columns), so
/// tests can check that the error hook returns control and that the thread's GLPK objects
/// are rebuilt afterwards.
package enum GLPKFailureProbe {
    /// Makes GLPK fail on the calling thread.
    ///
    /// - Returns: the error the failure became (`nil` if GLPK unexpectedly accepted the call).
    package static func provokeLibraryFailure() -> SolverError? {
        guard cglpk_provoke_library_error() == Int32(CGLPK_LIBRARY_ERROR) else { return nil }
        return SolverError(.libraryFailure, "GLPK failed: \(GLPKMessages.current)")
    }
}
