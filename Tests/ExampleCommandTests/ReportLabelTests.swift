import Foundation
@testable import GradientFidelity
import Testing
import _ExampleSupport

/// The fidelity study's table names its reference: exact for one-hot latents, the
/// exponential family (not the Gumbel top-k distribution) for k-subsets.
@Suite("Gradient-fidelity tables name what they compare with")
struct ReportLabelTests {
    @Test("one-hot tables say exact; k-subset tables name the exponential family and do not claim exactness")
    func references() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fidelity-labels-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = FidelityReport(directory: try OutputDirectory(path))
        let oneHot = report.table(problem: FidelityProblem(n: 10, k: 1, absoluteTarget: false), measurements: [], sampleCounts: [1])
        let subset = report.table(problem: FidelityProblem(n: 20, k: 10, absoluteTarget: true), measurements: [], sampleCounts: [1])
        #expect(oneHot.contains("exact gradient"))
        #expect(!subset.contains("exact gradient"))
        #expect(subset.contains("exponential family"))
    }
}
