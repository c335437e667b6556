import DifferentiableSolvers
import GLPKSolver
import Testing
import _TestSupport

@Suite("Model files: MPS, CPLEX LP and MathProg")
struct ModelFileTests {
    static let formats: [(name: String, format: ModelFileFormat, text: String)] = [
        ("model.lp", .cplexLP, ModelFileFixtures.cplexLP),
        ("model.mps", .freeMPS, ModelFileFixtures.freeMPS),
        ("model-fixed.mps", .fixedMPS, ModelFileFixtures.fixedMPS),
        ("model.mod", .mathProg(), ModelFileFixtures.mathProg),
    ]

    @Test("every format gives the same structure and the enumerated optimum")
    func sameOptimumFromEveryFormat() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        var programs: [LinearProgram] = []
        for (name, format, text) in Self.formats {
            // MathProg orders the columns of x[1..3] its own way; compare in a fixed order.
            let program = Self.inColumnOrder(["x1", "x2", "x3", "y", "w"],
                try LinearProgram(contentsOf: try fixtures.write(name, text), format: format))
            #expect(program.sense == .minimize, "\(name)")
            #expect(program.variables.map(\.kind) == [.binary, .binary, .binary, .integer, .continuous], "\(name)")
            #expect(program.objective == [-5, -4, -3, -2, -1], "\(name): \(program.variables.map { $0.name ?? "?" })")
            #expect(program.constraints.count == 3, "\(name)")
            let result = try LinearProgramSolver(model: program).solveReportingStatus(program.objective.map(Float.init))
            #expect(result.isProvenOptimal, "\(name)")
            #expect(isApproximatelyEqual(result.objective, ModelFileFixtures.enumeratedOptimum), "\(name): \(result.objective)")
            programs.append(program)
        }
        // Names aside, the structures agree exactly.
        let unnamed = programs.map { program in
            var copy = program
            copy.variables = copy.variables.map { LinearProgram.Variable(kind: $0.kind, bounds: $0.bounds) }
            copy.constraints = copy.constraints.map { LinearProgram.Constraint(terms: $0.terms, bounds: $0.bounds) }
            return copy
        }
        #expect(unnamed.allSatisfy { $0 == unnamed[0] })
    }

    /// `program` with its columns permuted into the order of `names` (brackets in column
    /// names ignored, so MathProg's `x[1]` is `x1`).
    static func inColumnOrder(_ names: [String], _ program: LinearProgram) -> LinearProgram {
        let fileNames = program.variables.map { ($0.name ?? "").filter { $0 != "[" && $0 != "]" } }
        let order = names.map { fileNames.firstIndex(of: $0) ?? -1 }
        guard !order.contains(-1), order.count == fileNames.count else { return program }
        var newIndex = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        var result = program
        result.variables = order.map { program.variables[$0] }
        result.objective = order.map { program.objective[$0] }
        result.constraints = program.constraints.map { constraint in
            var copy = constraint
            copy.terms = constraint.terms.map { .init(newIndex[$0.variable], $0.coefficient) }
                .sorted { $0.variable < $1.variable }
            return copy
        }
        return result
    }

    @Test("θ replaces the file's objective")
    func thetaReplacesTheObjective() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let program = try LinearProgram(contentsOf: try fixtures.write("model.lp", ModelFileFixtures.cplexLP),
                                        format: .cplexLP)
        // Only w pays: the best is w at its upper bound, nothing else taken.
        let z = try LinearProgramSolver(model: program).solve(row: [1, 1, 1, 1, -1])
        #expect(z == [0, 0, 0, 0, 2.5])
    }

    @Test("a MathProg model with a separate data file")
    func mathProgWithDataFile() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let model = try fixtures.write("param.mod", ModelFileFixtures.mathProgWithParameters)
        let data = try fixtures.write("param.dat", ModelFileFixtures.mathProgData)
        let program = try LinearProgram(contentsOf: model, format: .mathProg(dataPath: data))
        let result = try LinearProgramSolver(model: program).solveReportingStatus(program.objective.map(Float.init))
        #expect(isApproximatelyEqual(result.objective, ModelFileFixtures.enumeratedOptimum))
    }

    @Test("a malformed file gives .malformed with GLPK's line number, and solving goes on",
          arguments: [
            ("bad.lp", ModelFileFormat.cplexLP, ModelFileFixtures.malformedLP.text, ModelFileFixtures.malformedLP.line),
            ("bad.mod", .mathProg(), ModelFileFixtures.malformedMathProg.text, ModelFileFixtures.malformedMathProg.line),
            ("bad.mps", .freeMPS, ModelFileFixtures.malformedMPS.text, ModelFileFixtures.malformedMPS.line),
          ])
    func malformedFile(name: String, format: ModelFileFormat, text: String, line: Int) throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let path = try fixtures.write(name, text)
        let error = #expect(throws: ModelFileError.self) { try LinearProgram(contentsOf: path, format: format) }
        #expect(error?.reason == .malformed)
        #expect(error?.path == path)
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.isEmpty == false)
        try expectGLPKStillWorks()
    }

    @Test("a malformed data file is blamed with its own path and line")
    func malformedDataFile() throws {
        let fixtures = try ModelFileFixtures()
        defer { fixtures.remove() }
        let model = try fixtures.write("param.mod", ModelFileFixtures.mathProgWithParameters)
        let data = try fixtures.write("bad.dat", ModelFileFixtures.malformedData.text)
        let error = #expect(throws: ModelFileError.self) {
            try LinearProgram(contentsOf: model, format: .mathProg(dataPath: data))
        }
        #expect(error?.reason == .malformed)
        #expect(error?.path == data)
        #expect(error?.line == ModelFileFixtures.malformedData.line, "\(error?.description ?? "")")
        try expectGLPKStillWorks()
    }

    @Test("a missing file gives .unreadable")
    func missingFile() throws {
        let error = #expect(throws: ModelFileError.self) {
            try LinearProgram(contentsOf: "/nonexistent/model.lp", format: .cplexLP)
        }
        #expect(error?.reason == .unreadable)
        #expect(error?.path == "/nonexistent/model.lp")
    }

    /// A solve after a failure proves the process and GLPK are still fine.
    private func expectGLPKStillWorks() throws {
        let program = LinearProgram(sense: .maximize, variables: [.binary(), .binary()],
                                    constraints: [.init(dense: [1, 1], bounds: .atMost(1))])
        #expect(try LinearProgramSolver(model: program).solve(row: [1, 2]) == [0, 1])
    }
}
