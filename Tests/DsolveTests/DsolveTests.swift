import SolverRegistry
import DifferentiableSolvers
import DsolveCore
import Foundation
import NumPyFormat
import Testing
import _TestSupport

func dsolve(_ arguments: [String], input: String = "") throws -> DsolveResult {
    let bytes = Array(input.utf8)
    return Dsolve(registry: try DefaultSolverRegistry.make()) { bytes }.run(arguments)
}

func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

func text(_ value: JSONValue) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
}

@Suite("dsolve list and describe")
struct DsolveCatalogueTests {
    @Test("list prints one line per registered solver")
    func list() throws {
        let result = try dsolve(["list"])
        #expect(result.exitCode == 0 && result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n")
        let names = try DefaultSolverRegistry.make().names
        #expect(lines.count == names.count)
        for (line, name) in zip(lines, names) { #expect(line.hasPrefix(name + " ")) }
    }

    @Test("describe prints the options as text and as JSON equal to the registry's description")
    func describe() throws {
        let registry = try DefaultSolverRegistry.make()
        for name in registry.names {
            let description = try registry.description(of: name)
            let plain = try dsolve(["describe", name])
            #expect(plain.exitCode == 0)
            #expect(plain.standardOutput.hasPrefix("\(name): \(description.summary)"))
            for option in description.options {
                #expect(plain.standardOutput.contains("  \(option.name) "))
                #expect(plain.standardOutput.contains(option.type.rawValue))
            }
            let jsonResult = try dsolve(["describe", name, "--json"])
            #expect(jsonResult.exitCode == 0)
            let decoded = try JSONDecoder().decode(SolverDescription.self, from: Data(jsonResult.standardOutput.utf8))
            #expect(decoded == description)
        }
        let topK = try dsolve(["describe", "top-k"]).standardOutput
        #expect(topK.contains("required") && topK.contains(#"default "maximize""#))
    }

    @Test("help for a subcommand shows that subcommand's usage, however it is asked for",
          arguments: [["bench", "--help"], ["help", "bench"], ["bench", "-h"]])
    func subcommandHelp(arguments: [String]) throws {
        let result = try dsolve(arguments)
        #expect(result.exitCode == 0 && result.standardError.isEmpty)
        #expect(result.standardOutput.contains("USAGE: dsolve bench <name>"))
        #expect(result.standardOutput.contains("--repetitions"))
        let root = try dsolve(["--help"])
        #expect(root.standardOutput.contains("USAGE: dsolve <subcommand>"))
    }

    @Test("describing an unknown solver fails with the known names")
    func describeUnknown() throws {
        let result = try dsolve(["describe", "shortest-path.nowhere"])
        #expect(result.exitCode != 0 && result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no solver named 'shortest-path.nowhere'"))
        #expect(result.standardError.contains("top-k"))
    }
}

@Suite("dsolve solve, end to end against the library")
struct DsolveSolveTests {
    @Test("every registered solver has a small test instance")
    func coverage() throws {
        #expect(Set(try DefaultSolverRegistry.make().names) == Set(smallInstances.keys))
    }

    @Test("solve prints the library's solutions and objectives", arguments: smallInstances.keys.sorted())
    func solveMatchesLibrary(name: String) throws {
        let (options, n) = try #require(smallInstances[name])
        let solver = try DefaultSolverRegistry.make().makeSolver(named: name, options: options)
        var generator = SeededGenerator(seed: 5)
        let rows = (0..<4).map { _ in
            (0..<n).map { j in solver.parameterDomain.bound(at: j).fold(Float(Int(generator.next() % 9) - 4) / 2) }
        }
        let request: JSONValue = ["solver": .string(name), "options": options,
                                  "theta": .array(rows.map { .array($0.map { .number(Double($0)) }) })]
        let expected = try solver.solveBatch(Matrix(stacking: rows), parallelism: .serial)
        let expectedObjectives = rows.indices.map { solver.objective(of: expected.row($0), at: rows[$0]) }

        let result = try dsolve(["solve", "-"], input: try text(request))
        #expect(result.exitCode == 0, "\(result.standardError)")
        let output = try json(result.standardOutput)
        let solutions = try #require(output.objectValue?["solutions"]?.arrayValue)
        #expect(solutions.map { $0.arrayValue?.compactMap(\.numberValue).map { Float($0) } } == expected.rowArrays)
        #expect(output.objectValue?["objectives"]?.arrayValue?.compactMap(\.numberValue) == expectedObjectives)

        // The same request from a file, and θ from a .npy file, give the same output.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsolve-\(name)-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let requestFile = directory.appendingPathComponent("request.json")
        try Data(try text(request).utf8).write(to: requestFile)
        #expect(try dsolve(["solve", requestFile.path, "--threads", "2"]).standardOutput == result.standardOutput)
        let thetaFile = directory.appendingPathComponent("theta.npy")
        try NumPyArray(shape: [rows.count, n], elements: .float64(rows.flatMap { $0.map(Double.init) })).write(to: thetaFile)
        let withoutTheta: JSONValue = ["solver": .string(name), "options": options]
        let fromNumPy = try dsolve(["solve", "-", "--theta", thetaFile.path], input: try text(withoutTheta))
        #expect(fromNumPy.exitCode == 0, "\(fromNumPy.standardError)")
        #expect(fromNumPy.standardOutput == result.standardOutput)
    }
}

@Suite("dsolve errors: non-zero exit and a clear message")
struct DsolveErrorTests {
    func expectFailure(_ arguments: [String], input: String = "", mentioning words: [String]) throws {
        let result = try dsolve(arguments, input: input)
        #expect(result.exitCode != 0)
        #expect(result.standardOutput.isEmpty)
        for word in words { #expect(result.standardError.contains(word), "\(result.standardError) should mention \(word)") }
    }

    @Test("malformed JSON")
    func malformedJSON() throws {
        try expectFailure(["solve", "-"], input: #"{"solver": "top-k", "theta": [[1, 2],"#,
                          mentioning: ["<stdin>", "not valid JSON"])
        try expectFailure(["solve", "-"], input: "[1, 2]", mentioning: ["must be a JSON object"])
        try expectFailure(["solve", "-"], input: #"{"solver": "top-k", "thetas": [[1]]}"#, mentioning: ["unknown key \"thetas\""])
    }

    @Test("unknown solver and bad options")
    func unknownSolver() throws {
        try expectFailure(["solve", "-"], input: #"{"solver": "top-q", "theta": [[1, 2]]}"#,
                          mentioning: ["no solver named 'top-q'"])
        try expectFailure(["solve", "-"], input: #"{"solver": "top-k", "options": {"k": "2"}, "theta": [[1, 2]]}"#,
                          mentioning: ["option 'k'", "an integer"])
        try expectFailure(["solve", "-"], input: #"{"theta": [[1, 2]]}"#, mentioning: ["needs \"solver\""])
    }

    @Test("wrong θ lengths and shapes")
    func wrongTheta() throws {
        let knapsack = #""solver": "knapsack.dp", "options": {"weights": [1, 2], "capacity": 2}"#
        try expectFailure(["solve", "-"], input: "{\(knapsack), \"theta\": [[1, 2, 3]]}",
                          mentioning: ["knapsack.dp", "3 entries", "expects 2"])
        try expectFailure(["solve", "-"], input: "{\(knapsack), \"theta\": [[1, 2], [1]]}",
                          mentioning: ["\"theta\" row 1", "has length 1 but row 0 has length 2"])
        try expectFailure(["solve", "-"], input: "{\(knapsack), \"theta\": [[1, \"x\"]]}",
                          mentioning: ["row 0, entry 1", "must be a number"])
        try expectFailure(["solve", "-"], input: "{\(knapsack), \"theta\": []}", mentioning: ["non-empty array"])
        try expectFailure(["solve", "-"], input: "{\(knapsack)}", mentioning: ["no \"theta\""])
        try expectFailure(["solve", "-"], input: #"{"solver": "argmax", "theta": [[1, 1e300]]}"#,
                          mentioning: ["nonFiniteParameter", "row 0, index 1"])
    }

    @Test("missing files, θ given twice, unusable .npy files, bad arguments")
    func files() throws {
        try expectFailure(["solve", "/nonexistent/request.json"], mentioning: ["cannot read input '/nonexistent/request.json'"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsolve-npy-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let integers = directory.appendingPathComponent("int.npy")
        try NumPyArray(shape: [2], elements: .int64([1, 2])).write(to: integers)
        try expectFailure(["solve", "-", "--theta", integers.path], input: #"{"solver": "argmax"}"#,
                          mentioning: ["--theta", "float32 or float64"])
        let cube = directory.appendingPathComponent("cube.npy")
        try NumPyArray(shape: [1, 1, 2], elements: .float32([1, 2])).write(to: cube)
        try expectFailure(["solve", "-", "--theta", cube.path], input: #"{"solver": "argmax"}"#, mentioning: ["one or two dimensions"])
        let row = directory.appendingPathComponent("row.npy")
        try NumPyArray(shape: [2], elements: .float32([1, 2])).write(to: row)
        try expectFailure(["solve", "-", "--theta", row.path], input: #"{"solver": "argmax", "theta": [[1, 2]]}"#,
                          mentioning: ["θ given twice"])
        #expect(try dsolve(["solve", "-", "--theta", row.path], input: #"{"solver": "argmax"}"#).exitCode == 0)
        try expectFailure(["solve"], mentioning: ["Missing expected argument"])
        try expectFailure(["frobnicate"], mentioning: ["frobnicate"])
    }
}

@Suite("dsolve solve: MathProg translation is bounded")
struct DsolveMathProgLimitTests {
    @Test("a model with a hundred million set members fails with a typed message within its translation time limit")
    func hugeModel() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsolve-mod-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("huge.mod")
        try Data("set I := 1..100000000;\nvar x{I} binary;\nmaximize total: sum{i in I} x[i];\nend;\n".utf8).write(to: model)
        let request: JSONValue = ["solver": "ilp.glpk", "theta": [[1]],
                                  "options": ["model": .string(model.path), "format": "mathprog", "translation-time-limit": 0.5]]
        let result = try dsolve(["solve", "-"], input: try text(request))
        #expect(result.exitCode != 0 && result.standardOutput.isEmpty)
        #expect(result.standardError.contains("translationLimitExceeded") || result.standardError.contains("limit of"),
                "\(result.standardError)")
        let badLimit: JSONValue = ["solver": "ilp.glpk", "theta": [[1]],
                                   "options": ["model": .string(model.path), "format": "mathprog", "translation-time-limit": -1]]
        let refused = try dsolve(["solve", "-"], input: try text(badLimit))
        #expect(refused.exitCode != 0 && refused.standardError.contains("translation-time-limit"))
    }
}

@Suite("dsolve bench")
struct DsolveBenchTests {
    @Test("bench reports time per instance and throughput on one thread and on all cores")
    func bench() throws {
        let result = try dsolve(["bench", "top-k", "--options", #"{"k": 3}"#, "--batch", "50", "--size", "20",
                                 "--repetitions", "1", "--json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let measurements = try json(lines[1]).arrayValue ?? []
        #expect(measurements.count == 2)
        #expect(measurements.first?.objectValue?["threads"] == 1)
        for measurement in measurements {
            #expect((measurement.objectValue?["instancesPerSecond"]?.numberValue ?? 0) > 0)
        }
        let plain = try dsolve(["bench", "knapsack.dp", "--options", #"{"weights": [1, 2, 3], "capacity": 4}"#,
                                "--batch", "10", "--repetitions", "1"])
        #expect(plain.exitCode == 0 && plain.standardOutput.contains("µs/instance"))
    }

    /// The small instance of every registered solver, and instances whose θ is bounded in sign
    /// (cell and arc costs, learned graph-cut weights), where standard normal θ fails.
    static let instances: [BenchInstance] = smallInstances.keys.sorted().map {
        BenchInstance($0, smallInstances[$0]!.options, size: smallInstances[$0]!.variables)
    } + [
        BenchInstance("shortest-path.grid", ["height": 12, "width": 12]),
        BenchInstance("shortest-path.graph", ["vertices": 3, "arcs": [0, 1, 1, 2, 0, 2], "source": 0, "target": 2]),
        BenchInstance("graph-cut.bk", ["rows": 4, "columns": 4]),
        BenchInstance("graph-cut.bk", ["rows": 3, "columns": 3, "sense": "minimize"]),
    ]

    @Test("bench runs every registered solver on θ from its declared domain", arguments: instances)
    func benchEveryRegisteredSolver(_ instance: BenchInstance) throws {
        let n = try instance.variables()
        let result = try dsolve(["bench", instance.name, "--options", try text(instance.options), "--batch", "8",
                                 "--repetitions", "1", "--size", "\(n)", "--json"])
        #expect(result.exitCode == 0, "\(instance): \(result.standardError)")
        #expect(result.standardOutput.contains("instancesPerSecond"))
    }

    @Test("every registered solver accepts the random θ of its declared domain", arguments: instances)
    func randomThetaIsInDomain(_ instance: BenchInstance) throws {
        let solver = try DefaultSolverRegistry.make().makeSolver(named: instance.name, options: instance.options)
        var generator = SeededGenerator(seed: 3)
        let n = try instance.variables()
        let rows = (0 ..< 8).map { _ in solver.parameterDomain.randomValues(count: n, using: &generator) }
        #expect(rows.allSatisfy(solver.parameterDomain.contains))
        _ = try solver.solveBatch(Matrix(stacking: rows), parallelism: .serial)
    }

    @Test("bench rejects bad options and sizes")
    func benchErrors() throws {
        let badJSON = try dsolve(["bench", "top-k", "--options", "{k: 3}"])
        #expect(badJSON.exitCode != 0 && badJSON.standardError.contains("--options"))
        let size = try dsolve(["bench", "knapsack.dp", "--options", #"{"weights": [1, 2], "capacity": 2}"#, "--size", "3"])
        #expect(size.exitCode != 0 && size.standardError.contains("--size 3"))
        let batch = try dsolve(["bench", "argmax", "--batch", "0"])
        #expect(batch.exitCode != 0 && batch.standardError.contains("--batch"))
    }
}

/// A registered name and its options, for parameterised `bench` tests.
struct BenchInstance: Sendable, CustomTestStringConvertible {
    var name: String
    var options: JSONValue
    /// θ's length for solvers that take any length (a whole number of blocks for block top-k).
    var size: Int
    init(_ name: String, _ options: JSONValue, size: Int = 6) { (self.name, self.options, self.size) = (name, options, size) }
    var testDescription: String { "\(name) \(options)" }

    /// The solver's own θ length, or ``size`` when it takes any length.
    func variables() throws -> Int {
        try DefaultSolverRegistry.make().makeSolver(named: name, options: options).variableCount ?? size
    }
}
