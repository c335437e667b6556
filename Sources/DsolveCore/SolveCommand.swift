import SolverRegistry
import ArgumentParser
import DifferentiableSolvers
import Foundation

/// `dsolve solve FILE|-`: solves the θ rows of a JSON request and prints
/// `{"objectives": [...], "solutions": [[...], ...]}`.
struct SolveCommand: DsolveSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve the instances of a JSON request.",
        discussion: """
            The request is {"solver": NAME, "options": {...}, "theta": [[...], ...]} with one θ row per \
            instance; θ may come from a float32 or float64 .npy file instead (--theta). The output is \
            {"objectives": [...], "solutions": [[...], ...]}.
            """
    )

    @Argument(help: "The JSON request file, or - for standard input.")
    var input: String

    @Option(help: "A .npy file of θ (rows × variables, float32 or float64, C order) replacing \"theta\".")
    var theta: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func execute(in context: DsolveContext) throws {
        let source = input == "-" ? "<stdin>" : "'\(input)'"
        let bytes = try input == "-" ? context.standardInput() : Self.read(input)
        let override = try theta.map { path throws(DsolveError) in try SolveRequest.matrix(fromNumPyFile: path) }
        let request = try SolveRequest(json: bytes, source: source, thetaOverride: override)
        let solver: AnyMAPSolver
        do throws(RegistryError) {
            solver = try context.registry.makeSolver(named: request.solver, options: request.options)
        } catch {
            throw DsolveError("input \(source): \(error.message)")
        }
        let solutions: Matrix
        do throws(SolverError) {
            solutions = try solver.solveBatch(request.theta, parallelism: threads.map { .threads($0) } ?? .automatic)
        } catch {
            throw DsolveError("input \(source): solver '\(request.solver)' failed: \(error)")
        }
        let rows = solutions.rowArrays
        let objectives = rows.indices.map { solver.objective(of: rows[$0], at: request.theta.row($0)) }
        let output: JSONValue = [
            "solutions": .array(rows.map { .array($0.map { .number(Double($0)) }) }),
            "objectives": .array(objectives.map { .number($0) }),
        ]
        context.print(try JSONText.encode(output))
    }

    static func read(_ path: String) throws(DsolveError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DsolveError("cannot read input '\(path)': \(error.localizedDescription)")
        }
    }
}
