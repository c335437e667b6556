@testable import DifferentiableSolversC
import DifferentiableSolvers
import Foundation
import SolverRegistry
import Testing

/// The reference values the Python tests compare with, bit for bit: forward samples, gradients
/// and final state of the Swift layer (built from Swift values, on one thread) for the cases
/// of ``ReferenceCase``, stored in `python/tests/fixtures/layer_reference.json`.
///
/// The test recomputes them and fails when the file disagrees; with the environment variable
/// `RECORD_PYTHON_REFERENCE=1` it writes the file instead.
@Suite("C ABI: the Python tests' reference values")
struct PythonReferenceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("python/tests/fixtures/layer_reference.json")

    @Test("python/tests/fixtures/layer_reference.json holds the Swift layer's values")
    func referenceFileIsCurrent() throws {
        let computed = PythonReference(cases: try ReferenceCase.all.map { try $0.recorded() })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if ProcessInfo.processInfo.environment["RECORD_PYTHON_REFERENCE"] == "1" {
            try encoder.encode(computed).write(to: Self.file)
            return
        }
        let stored = try JSONDecoder().decode(PythonReference.self, from: Data(contentsOf: Self.file))
        #expect(stored == computed, "re-record with RECORD_PYTHON_REFERENCE=1 swift test --filter PythonReferenceTests")
    }
}

