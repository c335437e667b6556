import DifferentiableSolvers

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
/// - Throws: ``RegistryError`` of kind `.duplicateName` when the name is taken.
public func registerGLPKSolvers(in registry: SolverRegistry) throws(RegistryError) {
    try registry.register(
        "ilp.glpk", summary: "integer or linear program from an MPS, CPLEX LP or MathProg file; θ = objective coefficients",
        family: "integer linear programming",
        options: [
            SolverOption("model", .string, meaning: "path of the model file"),
            SolverOption("format", .string, default: "cplex-lp", meaning: "the model file's format",
                         allowedValues: ["free-mps", "fixed-mps", "cplex-lp", "mathprog"]),
            SolverOption("data", .string, default: "", meaning: "MathProg data file (empty: none)"),
            SolverOption("time-limit", .number, default: 0, meaning: "seconds per solve (0: no limit)"),
            SolverOption("mip-gap", .number, default: 0, meaning: "relative MIP gap at which branch-and-cut stops"),
            SolverOption("accept-feasible", .boolean, default: false,
                         meaning: "return the best feasible solution when the time limit stops the search"),
            SolverOption("translation-time-limit", .number, default: .number(Double(MathProgLimits.default.timeLimit.components.seconds)),
                         meaning: "seconds a MathProg model's translation may take"),
            SolverOption("translation-memory-limit", .integer, default: .number(Double(MathProgLimits.default.memoryLimitMegabytes)),
                         meaning: "megabytes a MathProg model's translation may allocate"),
        ]
    ) { (options) throws(SolverError) in
        let path = try options.string("model")
        let data = try options.string("data")
        let format: ModelFileFormat
        switch try options.string("format") {
        case "free-mps": format = .freeMPS
        case "fixed-mps": format = .fixedMPS
        case "mathprog": format = .mathProg(dataPath: data.isEmpty ? nil : data)
        default: format = .cplexLP
        }
        let translationSeconds = try options.number("translation-time-limit")
        guard translationSeconds > 0, translationSeconds <= 1e6 else {
            throw SolverError(.invalidOption,
                              "option 'translation-time-limit' must be more than 0 and at most 10⁶ seconds (got \(translationSeconds))")
        }
        let translationMegabytes = try options.integer("translation-memory-limit")
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
        let seconds = try options.number("time-limit")
        // The upper bound keeps the conversion to whole milliseconds (Int64) from overflowing.
        guard seconds >= 0, seconds <= 1e9 else {
            throw SolverError(.invalidOption, "option 'time-limit' must be between 0 and 10⁹ seconds (got \(seconds))")
        }
        let glpkOptions = GLPKOptions(timeLimit: seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil,
                                      relativeMIPGap: try options.number("mip-gap"),
                                      acceptsFeasibleOnLimit: try options.boolean("accept-feasible"))
        return try LinearProgramSolver(model: model, options: glpkOptions)
    }
}
