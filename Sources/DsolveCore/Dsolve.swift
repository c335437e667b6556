import SolverRegistry
import ArgumentParser
import DifferentiableSolvers

/// The `dsolve` command line: list, describe, solve and benchmark the registered solvers.
///
/// The executable is a thin wrapper; the logic lives here so that it can run in-process:
///
/// ```swift
/// let dsolve = Dsolve(registry: try DefaultSolverRegistry.make())
/// let result = dsolve.run(["describe", "top-k", "--json"])
/// print(result.exitCode, result.standardOutput)
/// ```
public struct Dsolve: Sendable {
    private let registry: SolverRegistry
    private let readStandardInput: @Sendable () -> [UInt8]

    /// Creates the tool over a registry.
    ///
    /// - Parameters:
    ///   - registry: the solvers it knows.
    ///   - readStandardInput: returns the bytes of standard input (read when `solve -` asks).
    public init(registry: SolverRegistry, readStandardInput: @escaping @Sendable () -> [UInt8] = { [] }) {
        self.registry = registry
        self.readStandardInput = readStandardInput
    }

    /// Parses `arguments` (without the program name) and runs the command.
    ///
    /// - Returns: the exit status and the text for standard output and standard error;
    ///   every failure is a non-zero status with a message on standard error.
    public func run(_ arguments: [String]) -> DsolveResult {
        let context = DsolveContext(registry: registry, readStandardInput: readStandardInput)
        let command: any ParsableCommand
        do {
            command = try DsolveCommand.parseAsRoot(arguments)
        } catch {
            let code = DsolveCommand.exitCode(for: error).rawValue
            let message = DsolveCommand.fullMessage(for: error)
            return code == 0
                ? DsolveResult(exitCode: 0, standardOutput: message + "\n", standardError: "")
                : DsolveResult(exitCode: code, standardOutput: "", standardError: message + "\n")
        }
        guard let subcommand = command as? any DsolveSubcommand else {
            // `help [subcommand]` and `subcommand --help` parse to ArgumentParser's help command.
            return DsolveResult(exitCode: 0, standardOutput: DsolveCommand.helpText(for: arguments) + "\n", standardError: "")
        }
        do {
            try subcommand.execute(in: context)
            return DsolveResult(exitCode: 0, standardOutput: context.output, standardError: "")
        } catch {
            return DsolveResult(exitCode: 1, standardOutput: context.output, standardError: "dsolve: error: \(error)\n")
        }
    }
}

/// The root command; its subcommands do the work.
struct DsolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dsolve",
        abstract: "List, describe, run and benchmark the registered MAP solvers.",
        subcommands: [ListCommand.self, DescribeCommand.self, SolveCommand.self, BenchCommand.self]
    )

    /// The help text a help request asks for: the named subcommand's (`bench --help`,
    /// `help bench`), else the root's.
    static func helpText(for arguments: [String]) -> String {
        let names = arguments.first == "help" ? arguments.dropFirst() : arguments[...]
        let subcommand = configuration.subcommands.first { names.first == $0._commandName }
        return subcommand.map { helpMessage(for: $0) } ?? helpMessage()
    }
}
