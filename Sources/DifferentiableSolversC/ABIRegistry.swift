import DifferentiableSolvers
import DsolveCore
import SolverRegistry

/// The solvers the C ABI knows — `dsolve`'s registry — and the one path from a name and an
/// options JSON text to a solver, the one `dsolve solve` takes.
enum ABIRegistry {
    /// The registry of the package's solvers, made once.
    static let shared: Result<SolverRegistry, RegistryError> = Result { () throws(RegistryError) in
        try DefaultSolverRegistry.make()
    }

    /// The registry, or the error that kept it from being built.
    static var registry: SolverRegistry {
        get throws(ABIError) {
            switch shared {
            case .success(let registry): return registry
            case .failure(let error): throw ABIError(.invalidOptions, "the solver registry could not be built: \(error.message)")
            }
        }
    }

    /// The description of solver `name`.
    static func description(of name: String) throws(ABIError) -> SolverDescription {
        let registry = try registry
        do throws(RegistryError) {
            return try registry.description(of: name)
        } catch {
            throw ABIError(error)
        }
    }

    /// The solver `name` with the options of the JSON object `optionsJSON` (`nil`: none).
    static func makeSolver(named name: String, optionsJSON: String?) throws(ABIError) -> AnyMAPSolver {
        let options = try optionsJSON.map { (text) throws(ABIError) in try json(text, source: "the options text of solver '\(name)'") } ?? .null
        let registry = try registry
        do throws(RegistryError) {
            return try registry.makeSolver(named: name, options: options)
        } catch {
            throw ABIError(error)
        }
    }

    /// Parses JSON text with `dsolve`'s parser and messages.
    static func json(_ text: String, source: String) throws(ABIError) -> JSONValue {
        do throws(DsolveError) {
            return try JSONInput.decode(Array(text.utf8), source: source)
        } catch {
            throw ABIError(error)
        }
    }

    /// Compact, key-sorted JSON text of `value`, as `dsolve --json` prints it.
    static func text(of value: some Encodable) throws(ABIError) -> String {
        do {
            return try JSONText.encode(value)
        } catch {
            throw ABIError(.invalidArgument, "could not encode JSON: \(error)")
        }
    }
}

/// The worker threads a C caller asked for: 0 or less means one per core.
func parallelism(threads: Int64) -> Parallelism {
    threads > 0 ? .threads(Int(clamping: threads)) : .automatic
}
