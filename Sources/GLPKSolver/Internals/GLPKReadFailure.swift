/// Why ``GLPKProblem/reading(format:modelPath:dataPath:)`` failed.
struct GLPKReadFailure: Error {
    /// GLPK hit its fatal-error path (rather than reporting a parse error).
    var isLibraryError: Bool
    /// GLPK's terminal output during the read, unmodified.
    var messages: String
}
