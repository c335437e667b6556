import SolverRegistry
import ArgumentParser
import DifferentiableSolvers

/// What a `dsolve` subcommand runs against: the registry, standard input, and the buffer
/// its output goes to (so that tests can run commands in-process).
final class DsolveContext {
    let registry: SolverRegistry
    private let readStandardInput: () -> [UInt8]
    private(set) var output = ""

    init(registry: SolverRegistry, readStandardInput: @escaping () -> [UInt8]) {
        self.registry = registry
        self.readStandardInput = readStandardInput
    }

    /// Appends a line to standard output.
    func print(_ line: String) { output += line + "\n" }

    /// The whole of standard input.
    func standardInput() -> [UInt8] { readStandardInput() }
}

/// A `dsolve` subcommand: parsed by ArgumentParser, executed against a context.
protocol DsolveSubcommand: ParsableCommand {
    func execute(in context: DsolveContext) throws
}
