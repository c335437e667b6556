import DifferentiableSolvers

/// One registry entry: a solver's description and the factory that builds it from options.
public struct SolverRegistration: Sendable {
    /// The name, summary, family and options.
    public let description: SolverDescription
    /// Decodes validated options (defaults filled in) and builds the solver.
    private let build: @Sendable ([String: JSONValue]) throws(RegistryError) -> AnyMAPSolver

    /// Creates an entry whose options are declared by `options`.
    ///
    /// - Parameters:
    ///   - name: a stable dotted name such as `knapsack.dp`.
    ///   - summary: what the solver does, in one line.
    ///   - family: the problem family.
    ///   - options: the options type; ``description`` lists its declared options.
    ///   - factory: builds the solver from decoded options; throw a `SolverError` for values
    ///     the solver rejects.
    public init<Options: SolverOptionSet>(
        name: String, summary: String, family: String, options: Options.Type,
        factory: @escaping @Sendable (Options) throws(SolverError) -> AnyMAPSolver
    ) {
        description = SolverDescription(name: name, summary: summary, family: family, options: Options.optionDescriptions)
        build = { (values) throws(RegistryError) in
            let options = try Options.decode(validated: values, solver: name)
            do throws(SolverError) {
                return try factory(options)
            } catch {
                throw RegistryError(.invalidOption, "solver '\(name)' rejected its options: \(error.message)", solverError: error)
            }
        }
    }

    /// Checks `options` against the declared options (no unknown keys, no missing required
    /// ones, every value of its declared type and vocabulary), fills in defaults, and builds.
    ///
    /// - Throws: ``RegistryError`` naming the solver and the offending option.
    public func makeSolver(options: [String: JSONValue]) throws(RegistryError) -> AnyMAPSolver {
        let name = description.name
        let declared = Dictionary(description.options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for key in options.keys.sorted() where declared[key] == nil {
            let known = description.options.map(\.name)
            throw RegistryError(.unknownOption,
                                "solver '\(name)' has no option '\(key)'"
                                    + (known.isEmpty ? " (it takes none)" : "; it takes \(known.joined(separator: ", "))"))
        }
        var resolved: [String: JSONValue] = [:]
        for option in description.options {
            guard let value = options[option.name] ?? option.defaultValue else {
                throw RegistryError(.missingOption,
                                    "solver '\(name)' needs option '\(option.name)' (\(option.type.phrase)): \(option.meaning)")
            }
            guard option.type.accepts(value) else {
                throw RegistryError(.wrongOptionType,
                                    "option '\(option.name)' of solver '\(name)' must be \(option.type.phrase), got \(value.kindDescription)")
            }
            if let allowed = option.allowedValues, let text = value.stringValue, !allowed.contains(text) {
                throw RegistryError(.invalidOption,
                                    "option '\(option.name)' of solver '\(name)' must be one of \(allowed.joined(separator: ", ")), got \"\(text)\"")
            }
            resolved[option.name] = value
        }
        return try build(resolved)
    }
}
