// libFuzzer target: GLPK model-file loading (free MPS, fixed MPS, CPLEX LP, MathProg).
//
// The first byte picks the format, the rest is the file. Property: loading never traps or
// leaks GLPK's fatal-error path into the process; a model that loads and validates solves
// under a short time limit or throws a typed error. Built and run by scripts/fuzz.sh.
import DifferentiableSolvers
import Foundation
import GLPKSolver

let modelPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("glpk-fuzz-\(ProcessInfo.processInfo.processIdentifier).model").path
let formats: [ModelFileFormat] = [.freeMPS, .fixedMPS, .cplexLP, .mathProg()]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGLPKModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format = formats[Int(data[0]) % formats.count]
    let file = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard (try? file.write(to: URL(fileURLWithPath: modelPath))) != nil else { return 0 }
    guard let model = try? LinearProgram(contentsOf: modelPath, format: format), model.variables.count <= 64,
          let solver = try? LinearProgramSolver(model: model, options: GLPKOptions(timeLimit: .milliseconds(20)))
    else { return 0 }
    let theta = (0..<model.variables.count).map { Float($0 % 3) - 1 }
    do throws(SolverError) {
        let z = try solver.solve(row: theta)
        precondition(z.count == theta.count && z.allSatisfy(\.isFinite), "GLPK returned \(z)")
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
