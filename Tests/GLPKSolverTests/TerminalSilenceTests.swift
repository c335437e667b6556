import DifferentiableSolvers
import Foundation
import GLPKSolver
import Testing
import _TestSupport

@Suite("GLPK never writes to the terminal")
struct TerminalSilenceTests {
    /// Phrases GLPK prints when its terminal output is not intercepted.
    static let glpkPhrases = [
        "Reading problem data", "lines were read", "Error detected in file", "invalid number of columns",
        "Integer optimization begins", "GLPK Simplex Optimizer", "GLPK Integer Optimizer", "Preprocessing",
        "syntax error", "Generating", "Model has been successfully",
    ]

    /// Runs `body` with file descriptor 1 redirected to a temporary file and returns what
    /// was written there (and echoes it back to the real stdout, so nothing else is lost).
    static func capturingStandardOutput(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdout-\(UUID().uuidString)").path
        let file = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        try #require(file >= 0)
        fflush(nil)
        let saved = dup(1)
        dup2(file, 1)
        defer {
            fflush(nil)
            dup2(saved, 1)
            close(saved)
            close(file)
        }
        try body()
        fflush(nil)
        let captured = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: path)
        return captured
    }

    @Test("reading good and malformed files, solving, and GLPK failures print nothing")
    func silence() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let captured = try Self.capturingStandardOutput {
            for (name, format, text) in ModelFileTests.formats {
                let program = try LinearProgram(contentsOf: try fixtures.write(name, text), format: format)
                _ = try LinearProgramSolver(model: program).solveReportingStatus(program.objective.map(Float.init))
            }
            let badLP = try fixtures.write("bad.lp", ModelFileFixtures.malformedLP.text)
            _ = try? LinearProgram(contentsOf: badLP, format: .cplexLP)
            let badModel = try fixtures.write("bad.mod", ModelFileFixtures.malformedMathProg.text)
            _ = try? LinearProgram(contentsOf: badModel, format: .mathProg())
            #expect(GLPKFailureProbe.provokeLibraryFailure() != nil)
            _ = try? LinearProgramSolver(model: BadInputTests.pick).solve(row: [1, .nan])
        }
        for phrase in Self.glpkPhrases {
            #expect(!captured.contains(phrase), "GLPK printed “\(phrase)”: \(captured)")
        }
    }
}
