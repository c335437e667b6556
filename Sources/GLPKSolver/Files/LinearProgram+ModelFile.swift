#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LinearProgram {
    /// Reads the structure of a linear program from a model file.
    ///
    /// Variables, bounds, integrality, constraints and the objective sense come from the
    /// file; its objective coefficients land in ``objective`` and are replaced by θ when
    /// solving (a constant objective term is dropped: it does not change the optimal z).
    /// The variables keep the file's column order and names (MathProg orders the members
    /// of an indexed variable its own way, so map θ entries by ``Variable/name``). Free rows (MPS `N` rows besides the objective, extra MathProg objectives)
    /// constrain nothing and are left out. GLPK's messages never reach the terminal.
    ///
    /// ```swift
    /// let program = try LinearProgram(contentsOf: "model.mps", format: .freeMPS)
    /// let solver = try LinearProgramSolver(model: program)
    /// let z = try solver.solve(row: program.objective.map(Float.init))
    /// ```
    ///
    /// - Parameters:
    ///   - path: the model file.
    ///   - format: its format (for MathProg optionally with a data file).
    ///   - translationLimits: the time and memory a MathProg translation may take (ignored
    ///     for the other formats, whose reading is linear in the file).
    /// - Throws: ``ModelFileError``: `.unreadable` when a file cannot be opened,
    ///   `.malformed` with the line GLPK reported when it cannot be parsed or translated,
    ///   `.translationLimitExceeded` when a MathProg translation exceeds its limits.
    /// - Complexity: linear in the size of the file (plus MathProg's model generation,
    ///   bounded by `translationLimits`).
    public init(contentsOf path: String, format: ModelFileFormat,
                translationLimits: MathProgLimits = .default) throws(ModelFileError) {
        let paths = [path] + (format.dataPath.map { [$0] } ?? [])
        for file in paths where access(file, R_OK) != 0 {
            throw ModelFileError(.unreadable, path: file, message: "the file does not exist or cannot be read")
        }
        switch GLPKProblem.reading(format: format.shimCode, modelPath: path, dataPath: format.dataPath,
                                   limits: translationLimits) {
        case .success(let problem):
            self = problem.extractProgram()
        case .failure(let failure):
            throw Self.fileError(from: failure, paths: paths, limits: translationLimits)
        }
    }

    private static func fileError(from failure: GLPKReadFailure, paths: [String], limits: MathProgLimits) -> ModelFileError {
        if failure.exceededTime {
            return ModelFileError(.translationLimitExceeded, path: paths[0],
                                  message: "translating the MathProg model took longer than its time limit of \(limits.timeLimit); raise MathProgLimits.timeLimit (ilp.glpk: option 'translation-time-limit') if the model is meant to be this large")
        }
        if failure.exceededMemory {
            return ModelFileError(.translationLimitExceeded, path: paths[0],
                                  message: "translating the MathProg model needed more than its memory limit of \(limits.memoryLimitMegabytes) MB; raise MathProgLimits.memoryLimitMegabytes (ilp.glpk: option 'translation-memory-limit') if the model is meant to be this large")
        }
        if failure.isLibraryError {
            return ModelFileError(.libraryFailure, path: paths[0], message: GLPKMessages.oneLine(failure.messages))
        }
        if let located = GLPKMessages.firstLocatedDiagnostic(in: failure.messages, paths: paths) {
            return ModelFileError(.malformed, path: located.path, line: located.line, message: located.message)
        }
        return ModelFileError(.malformed, path: paths[0], message: GLPKMessages.oneLine(failure.messages))
    }
}
