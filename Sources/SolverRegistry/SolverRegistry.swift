import DifferentiableSolvers
import Synchronization

/// A catalogue of solvers under stable dotted names, each with its metadata and a factory
/// that builds a configured solver from JSON options.
///
/// Each solver target exposes one function that registers its solvers
/// (e.g. `registerCombinatorialSolvers(in:)`); an application collects the ones it links.
/// The registry is a thread-safe reference type: register from anywhere, build from
/// anywhere.
///
/// ```swift
/// struct TopKOptions: SolverOptionSet {
///     @SolverOption(meaning: "subset size") var k: Int
///     @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
/// }
/// let registry = SolverRegistry()
/// try registry.register("top-k", summary: "the k largest entries", family: "subset selection",
///                       options: TopKOptions.self) { (options) throws(SolverError) in
///     TopK(k: options.k, sense: options.sense)
/// }
/// let solver = try registry.makeSolver(named: "top-k", options: ["k": 2])
/// let z = try solver.solve(row: [0.3, 2.0, -1.0, 0.9])          // [0, 1, 0, 1]
/// ```
public final class SolverRegistry: Sendable {
    private let entries = Mutex<[String: SolverRegistration]>([:])

    /// An empty registry.
    public init() {}

    /// Adds an entry.
    ///
    /// - Throws: ``RegistryError`` of kind `.invalidName` when the name is not a dotted
    ///   name of lowercase letters, digits and `-`, `.duplicateName` when it is taken, and
    ///   `.malformedOptions` when two options share a name or a default has the wrong type.
    public func register(_ registration: SolverRegistration) throws(RegistryError) {
        let description = registration.description
        try Self.validate(description)
        let inserted = entries.withLock { table -> Bool in
            guard table[description.name] == nil else { return false }
            table[description.name] = registration
            return true
        }
        guard inserted else {
            throw RegistryError(.duplicateName, "a solver named '\(description.name)' is already registered")
        }
    }

    /// Registers a solver type under `name`, its options declared by `options`.
    ///
    /// ```swift
    /// try registry.register("top-k", summary: "…", family: "subset selection", options: TopKOptions.self) {
    ///     (options) throws(SolverError) in try TopK(k: options.k, sense: options.sense)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - name: a stable dotted name such as `knapsack.dp`.
    ///   - summary: what the solver does, in one line.
    ///   - family: the problem family.
    ///   - options: the ``SolverOptionSet`` declaring the options (``NoSolverOptions`` for none).
    ///   - parameters: the values θ may take for a built solver (e.g. `{ _ in .nonNegative }`
    ///     for costs); unrestricted by default. The built ``AnyMAPSolver`` carries it as its
    ///     ``AnyMAPSolver/parameterDomain``.
    ///   - factory: builds the solver from decoded options; throw a `SolverError` for
    ///     values the solver rejects.
    /// - Throws: see ``register(_:)``.
    public func register<Solver: MAPSolver, Options: SolverOptionSet>(
        _ name: String, summary: String, family: String, options: Options.Type,
        parameters: @escaping @Sendable (Solver) -> ParameterDomain = { _ in .unrestricted },
        factory: @escaping @Sendable (Options) throws(SolverError) -> Solver
    ) throws(RegistryError) {
        try register(SolverRegistration(name: name, summary: summary, family: family, options: options) {
            (values) throws(SolverError) in
            let solver = try factory(values)
            return AnyMAPSolver(solver, parameterDomain: parameters(solver))
        })
    }

    /// Registers a solver type that takes no options under `name`.
    ///
    /// - Throws: see ``register(_:)``.
    public func register<Solver: MAPSolver>(
        _ name: String, summary: String, family: String,
        parameters: @escaping @Sendable (Solver) -> ParameterDomain = { _ in .unrestricted },
        factory: @escaping @Sendable (NoSolverOptions) throws(SolverError) -> Solver
    ) throws(RegistryError) {
        try register(name, summary: summary, family: family, options: NoSolverOptions.self, parameters: parameters, factory: factory)
    }

    /// The registered names, sorted.
    public var names: [String] { entries.withLock { $0.keys.sorted() } }

    /// The descriptions of all registered solvers, sorted by name.
    public var descriptions: [SolverDescription] {
        entries.withLock { table in table.values.map(\.description) }.sorted { $0.name < $1.name }
    }

    /// The entry registered under `name`.
    ///
    /// - Throws: ``RegistryError`` of kind `.unknownSolver`, listing the known names.
    public func registration(named name: String) throws(RegistryError) -> SolverRegistration {
        if let entry = entries.withLock({ $0[name] }) { return entry }
        let known = names
        throw RegistryError(.unknownSolver,
                            "no solver named '\(name)'; registered: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
    }

    /// The description of the solver registered under `name`.
    ///
    /// - Throws: ``RegistryError`` of kind `.unknownSolver`.
    public func description(of name: String) throws(RegistryError) -> SolverDescription {
        try registration(named: name).description
    }

    /// Builds the solver registered under `name` from JSON options.
    ///
    /// - Parameters:
    ///   - name: the registered name.
    ///   - options: a JSON object of option values; absent options take their defaults.
    /// - Returns: the configured solver, type-erased so that it fits any generic slot
    ///   (e.g. `DifferentiableSolverLayer<AnyMAPSolver>`).
    /// - Throws: ``RegistryError``: unknown solver, unknown or missing option, wrong type,
    ///   or a value the solver rejects.
    public func makeSolver(named name: String, options: [String: JSONValue] = [:]) throws(RegistryError) -> AnyMAPSolver {
        try registration(named: name).makeSolver(options: options)
    }

    /// Builds the solver registered under `name` from a JSON value that must be an object
    /// (or `null`, meaning no options).
    ///
    /// - Throws: ``RegistryError`` of kind `.malformedOptions` when `options` is not an
    ///   object, otherwise as the dictionary form of `makeSolver(named:options:)`.
    public func makeSolver(named name: String, options: JSONValue) throws(RegistryError) -> AnyMAPSolver {
        switch options {
        case .null: return try makeSolver(named: name, options: [:])
        case .object(let members): return try makeSolver(named: name, options: members)
        default:
            throw RegistryError(.malformedOptions,
                                "the options of solver '\(name)' must be a JSON object, got \(options.kindDescription)")
        }
    }

    private static func validate(_ description: SolverDescription) throws(RegistryError) {
        let name = description.name
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        let components = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.allSatisfy(allowed.contains),
              components.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }) else {
            throw RegistryError(.invalidName,
                                "'\(name)' is not a dotted solver name (lowercase letters, digits and '-', separated by '.')")
        }
        var seen = Set<String>()
        for option in description.options {
            guard seen.insert(option.name).inserted else {
                throw RegistryError(.malformedOptions, "solver '\(name)' declares option '\(option.name)' twice")
            }
            if let value = option.defaultValue, !option.type.accepts(value) {
                throw RegistryError(.malformedOptions,
                                    "the default of option '\(option.name)' of solver '\(name)' is not \(option.type.phrase)")
            }
        }
    }
}
