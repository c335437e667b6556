import Foundation
import GLPKSolver
import Testing

/// MathProg translation is bounded: models that ask the translator for minutes of work or
/// gigabytes of memory fail fast with a typed error, and ordinary models still read.
@Suite("MathProg translation limits")
struct MathProgLimitTests {
    /// A hundred million binary variables: gigabytes and minutes for GLPK's translator.
    static let hugeModel = """
        set I := 1..100000000;
        var x{I} binary;
        maximize total: sum{i in I} x[i];
        s.t. one: sum{i in I} x[i] <= 1;
        end;

        """

    /// A sum of a hundred million terms in one constraint bound: little memory, much time.
    static let slowModel = """
        var x binary;
        maximize total: x;
        s.t. bound: x <= sum{i in 1..100000000} (i mod 2);
        end;

        """

    func read(_ model: String, limits: MathProgLimits) throws -> (error: ModelFileError?, seconds: Double) {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let path = try fixtures.write("model.mod", model)
        let start = ContinuousClock.now
        do throws(ModelFileError) {
            _ = try LinearProgram(contentsOf: path, format: .mathProg(), translationLimits: limits)
            return (nil, 0)
        } catch {
            let elapsed = ContinuousClock.now - start
            return (error, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
    }

    @Test("a translation that runs past its time limit is stopped with a typed error")
    func timeLimit() throws {
        let (error, seconds) = try read(Self.slowModel, limits: MathProgLimits(timeLimit: .milliseconds(300)))
        let failure = try #require(error)
        #expect(failure.reason == .translationLimitExceeded)
        #expect(failure.message.contains("time limit"))
        // Not a speed assertion: a stopped translation returns near its limit, an unbounded one never.
        #expect(seconds < 30, "took \(seconds) s")
    }

    @Test("a translation that needs more memory than its limit is stopped with a typed error")
    func memoryLimit() throws {
        let (error, _) = try read(Self.hugeModel, limits: MathProgLimits(timeLimit: .seconds(60), memoryLimitMegabytes: 32))
        let failure = try #require(error)
        #expect(failure.reason == .translationLimitExceeded)
        #expect(failure.message.contains("memory limit"))
    }

    @Test("the huge model under the default limits fails with a typed error instead of running on")
    func defaultLimits() throws {
        let (error, _) = try read(Self.hugeModel, limits: .default)
        #expect(try #require(error).reason == .translationLimitExceeded)
    }

    @Test("ordinary MathProg models and their errors are unchanged by the bounded translation")
    func ordinaryModels() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let model = try fixtures.write("small.mod", """
            set I := 1..3;
            var x{I} binary;
            maximize value: sum{i in I} i * x[i];
            s.t. pick: sum{i in I} x[i] <= 2;
            end;

            """)
        let program = try LinearProgram(contentsOf: model, format: .mathProg())
        #expect(program.variables.count == 3 && program.constraints.count == 1 && program.sense == .maximize)
        let broken = try fixtures.write("broken.mod", "var x binary;\nmaximize value: x +;\nend;\n")
        #expect {
            _ = try LinearProgram(contentsOf: broken, format: .mathProg())
        } throws: { error in
            (error as? ModelFileError)?.reason == .malformed && (error as? ModelFileError)?.line == 2
        }
    }
}
