import CGLPKShim

/// Why ``GLPKProblem/reading(format:modelPath:dataPath:limits:)`` failed.
struct GLPKReadFailure: Error {
    /// The shim's status: `CGLPK_READ_FAILED`, `CGLPK_LIBRARY_ERROR`, `CGLPK_TIME_LIMIT`,
    /// `CGLPK_MEMORY_LIMIT` or `CGLPK_SYSTEM_ERROR`.
    var status: Int32
    /// GLPK's terminal output during the read, unmodified.
    var messages: String

    /// GLPK hit its fatal-error path, or the translator process could not run.
    var isLibraryError: Bool { status == Int32(CGLPK_LIBRARY_ERROR) || status == Int32(CGLPK_SYSTEM_ERROR) }
    /// A MathProg translation exceeded its time limit.
    var exceededTime: Bool { status == Int32(CGLPK_TIME_LIMIT) }
    /// A MathProg translation exceeded its memory limit.
    var exceededMemory: Bool { status == Int32(CGLPK_MEMORY_LIMIT) }
}
