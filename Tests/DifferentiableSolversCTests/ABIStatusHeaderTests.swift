@testable import DifferentiableSolversC
import Foundation
import Testing

/// `ABIStatus` numbers its cases in declaration order; the C header spells the numbers out.
/// These tests read the header and hold the two to each other, so that a case inserted out
/// of order, or a status added to one side only, fails here rather than in a C caller.
@Suite struct ABIStatusHeaderTests {
    /// The header's status constants, `DS_SHAPE_MISMATCH` → 4 …
    static func headerConstants() throws -> [String: Int32] {
        let header = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DifferentiableSolversC/include/differentiable_solvers.h")
        let text = try String(contentsOf: header, encoding: .utf8)
        let definition = /#define\s+(DS_[A-Z_]+)\s+(\d+)/
        var constants: [String: Int32] = [:]
        for line in text.split(separator: "\n") {
            guard let match = line.firstMatch(of: definition), match.1 != "DS_ABI_VERSION" else { continue }
            constants[String(match.1)] = Int32(match.2)
        }
        return constants
    }

    /// `DS_` and the case name in upper snake case: `shapeMismatch` → `DS_SHAPE_MISMATCH`.
    static func constantName(_ status: ABIStatus) -> String {
        "DS_" + "\(status)".map { $0.isUppercase ? "_\($0)" : $0.uppercased() }.joined()
    }

    @Test func everyStatusHasTheHeaderValue() throws {
        let constants = try Self.headerConstants()
        for status in ABIStatus.allCases {
            #expect(constants[Self.constantName(status)] == status.rawValue, "\(status)")
        }
    }

    @Test func theHeaderHasNoOtherStatus() throws {
        let constants = try Self.headerConstants()
        #expect(constants.count == ABIStatus.allCases.count)
        #expect(Set(constants.keys) == Set(ABIStatus.allCases.map(Self.constantName)))
    }
}
