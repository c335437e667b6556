// libFuzzer target: `dsolve solve -` on arbitrary standard input.
//
// Property: whatever the bytes, dsolve returns (never traps): exit status 0 with a JSON document
// of solutions on standard output, or a non-zero status with a message on standard error.
// Built and run by scripts/fuzz.sh.
import DifferentiableSolvers
import DsolveCore
import Foundation

let registry = try! DefaultSolverRegistry.make()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDsolveJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let result = Dsolve(registry: registry) { input }.run(["solve", "-"])
    if result.exitCode == 0 {
        precondition(result.standardError.isEmpty, "success with a message: \(result.standardError)")
        let output = try? JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        precondition(output?.objectValue?["solutions"] != nil, "success without solutions: \(result.standardOutput)")
    } else {
        precondition(result.standardError.hasPrefix("dsolve: error: "), "failure without a message")
    }
    return 0
}
