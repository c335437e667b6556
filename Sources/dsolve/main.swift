import DsolveCore
import Foundation

// The `dsolve` executable: runs the command line of `DsolveCore` over the package's solvers.
let result: DsolveResult
do {
    let registry = try DefaultSolverRegistry.make()
    result = Dsolve(registry: registry) { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        .run(Array(CommandLine.arguments.dropFirst()))
} catch {
    result = DsolveResult(exitCode: 70, standardOutput: "", standardError: "dsolve: internal error: \(error)\n")
}
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.exitCode)
