import DifferentiableSolvers
import Foundation
import Testing
import _TestSupport

/// Long forward/backward loops keep resident memory flat. Off by default (it takes minutes);
/// `scripts/soak.sh` runs it in release with `DSOLVE_SOAK_CALLS` set.
@Suite("Soak: resident memory stays flat", .enabled(if: SoakSettings.calls > 0))
struct SoakTests {

    /// Resident set size of this process in KiB, from /proc/self/status.
    static func residentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test("forward/backward calls on a small problem", arguments: ["top-k", "ilp.glpk", "graph-cut.bk"])
    func flatMemory(_ name: String) throws {
        let (solver, n) = try RegisteredSolvers.small(name)
        var layer = DifferentiableSolverLayer(solver: solver, estimator: .aimle(), samples: 1, seed: 3, parallelism: .serial)
        let theta = Matrix(stacking: RegisteredSolvers.rows(solver, variables: n, count: 1))
        let warmUp = min(1_000, SoakSettings.calls / 10)
        var start = 0
        let clock = ContinuousClock.now
        for call in 0..<SoakSettings.calls {
            if call == warmUp { start = Self.residentKiB() }
            let (z, tape) = try layer.forward(theta)
            _ = try layer.backward(z, tape)
        }
        let end = Self.residentKiB()
        print("soak \(name): \(SoakSettings.calls) forward/backward calls in \(ContinuousClock.now - clock); " +
              "RSS after \(warmUp) calls \(start) KiB, at the end \(end) KiB")
        #expect(end - start < 8 * 1024, "\(name): resident memory grew from \(start) KiB to \(end) KiB")
    }
}

/// The soak length: `DSOLVE_SOAK_CALLS` forward/backward calls per solver (0: skip).
enum SoakSettings {
    static let calls = Int(ProcessInfo.processInfo.environment["DSOLVE_SOAK_CALLS"] ?? "") ?? 0
}
