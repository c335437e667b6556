import DifferentiableSolvers
import SolverRegistry

/// Registers `ilp.glpk`: an integer (or linear) program loaded from a model file, whose
/// objective coefficients θ replace the file's.
///
/// ```swift
/// let registry = SolverRegistry()
/// try registerGLPKSolvers(in: registry)
/// let solver = try registry.makeSolver(named: "ilp.glpk",
///                                      options: ["model": "knapsack.lp", "format": "cplex-lp"])
/// ```
///
/// - Throws: `RegistryError` of kind `.duplicateName` when the name is taken.
public func registerGLPKSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "ilp.glpk", summary: "integer or linear program from an MPS, CPLEX LP or MathProg file; θ = objective coefficients",
        family: "integer linear programming",
        options: LinearProgramOptions.self
    ) { (options) throws(SolverError) in
        let path = options.model
        let data = options.data
        let format: ModelFileFormat = switch options.format {
        case .freeMPS: .freeMPS
        case .fixedMPS: .fixedMPS
        case .mathProg: .mathProg(dataPath: data.isEmpty ? nil : data)
        case .cplexLP: .cplexLP
        }
        let translationSeconds = options.translationTimeLimit
        guard translationSeconds > 0, translationSeconds <= 1e6 else {
            throw SolverError(.invalidOption,
                              "option 'translation-time-limit' must be more than 0 and at most 10⁶ seconds (got \(translationSeconds))")
        }
        let translationMegabytes = options.translationMemoryLimit
        guard translationMegabytes >= 1, translationMegabytes <= Int(Int32.max) else {
            throw SolverError(.invalidOption,
                              "option 'translation-memory-limit' must be between 1 and \(Int32.max) megabytes (got \(translationMegabytes))")
        }
        let limits = MathProgLimits(timeLimit: .milliseconds(Int64((translationSeconds * 1000).rounded(.up))),
                                    memoryLimitMegabytes: translationMegabytes)
        let model: LinearProgram
        do { model = try LinearProgram(contentsOf: path, format: format, translationLimits: limits) } catch {
            throw SolverError(.invalidStructure, "\(error)")
        }
        let seconds = options.timeLimit
        // The upper bound keeps the conversion to whole milliseconds (Int64) from overflowing.
        guard seconds >= 0, seconds <= 1e9 else {
            throw SolverError(.invalidOption, "option 'time-limit' must be between 0 and 10⁹ seconds (got \(seconds))")
        }
        let glpkOptions = GLPKOptions(timeLimit: seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil,
                                      relativeMIPGap: options.mipGap, acceptsFeasibleOnLimit: options.acceptFeasible)
        return try LinearProgramSolver(model: model, options: glpkOptions)
    }
}

/// `ilp.glpk`'s options.
struct LinearProgramOptions: SolverOptionSet {
    /// The model file formats offered by name.
    enum Format: String, CaseIterable, SolverOptionChoice {
        case freeMPS = "free-mps", fixedMPS = "fixed-mps", cplexLP = "cplex-lp", mathProg = "mathprog"
    }

    @SolverOption(meaning: "path of the model file") var model: String
    @SolverOption(meaning: "the model file's format") var format = Format.cplexLP
    @SolverOption(meaning: "MathProg data file (empty: none)") var data = ""
    @SolverOption(meaning: "seconds per solve (0: no limit)") var timeLimit = 0.0
    @SolverOption(meaning: "relative MIP gap at which branch-and-cut stops") var mipGap = 0.0
    @SolverOption(meaning: "return the best feasible solution when the time limit stops the search") var acceptFeasible = false
    @SolverOption(meaning: "seconds a MathProg model's translation may take")
    var translationTimeLimit = Double(MathProgLimits.default.timeLimit.components.seconds)
    @SolverOption(meaning: "megabytes a MathProg model's translation may allocate")
    var translationMemoryLimit = MathProgLimits.default.memoryLimitMegabytes
}
