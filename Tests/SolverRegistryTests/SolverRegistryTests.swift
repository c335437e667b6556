import SolverRegistry
import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import Synchronization
import Testing

@Suite("Solver registry: register, list, build from JSON, solve")
struct SolverRegistryTests {
    func combinatorialRegistry() throws -> SolverRegistry {
        let registry = SolverRegistry()
        try registerCombinatorialSolvers(in: registry)
        return registry
    }

    func decode(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    @Test("the combinatorial solvers are listed under their names, sorted")
    func listsNames() throws {
        let registry = try combinatorialRegistry()
        #expect(registry.names == [
            "argmax", "assignment.hungarian", "block-top-k", "knapsack.dp", "ranking",
            "shortest-path.directed-grid", "shortest-path.graph", "shortest-path.grid",
            "spanning-tree.kruskal", "top-k",
        ])
        #expect(registry.descriptions.map(\.name) == registry.names)
        let topK = try registry.description(of: "top-k")
        #expect(topK.options.map(\.name) == ["k", "sense"])
        #expect(topK.options[0].isRequired && !topK.options[1].isRequired)
        #expect(topK.family == "subset selection")
    }

    @Test("a solver built from JSON text solves like the library value", arguments: OptimizationSense.allCases)
    func buildsFromJSONAndSolves(sense: OptimizationSense) throws {
        let registry = try combinatorialRegistry()
        let options = try decode(#"{"k": 3, "sense": "\#(sense.rawValue)"}"#)
        let solver = try registry.makeSolver(named: "top-k", options: options)
        #expect(solver.sense == sense)
        #expect(solver.base is TopK)
        var generator = SeededGenerator(seed: 7)
        let theta = Matrix(rows: 20, columns: 9, values: (0..<180).map { _ in Float(generator.nextNormal()) })
        let expected = try TopK(k: 3, sense: sense).solveBatch(theta, parallelism: .serial)
        #expect(try solver.solveBatch(theta, parallelism: .threads(3)) == expected)
        for row in 0..<theta.rows {
            #expect(try solver.solve(row: theta.row(row)) == expected.row(row))
        }
    }

    @Test("absent options take their defaults; knapsack builds from arrays")
    func defaultsAndArrays() throws {
        let registry = try combinatorialRegistry()
        let argmax = try registry.makeSolver(named: "argmax")
        #expect(argmax.sense == .maximize)
        #expect(try argmax.solve(row: [0.5, 3, -2]) == [0, 1, 0])
        let knapsack = try registry.makeSolver(named: "knapsack.dp",
                                               options: try decode(#"{"weights": [2, 3, 4], "capacity": 5}"#))
        #expect(knapsack.variableCount == 3)
        #expect(try knapsack.solve(row: [3, 4, 6]) == [1, 1, 0])
    }

    @Test("a type-erased solver works inside a layer exactly like the concrete one")
    func anySolverInLayer() throws {
        var generator = SeededGenerator(seed: 3)
        let theta = Matrix(rows: 4, columns: 6, values: (0..<24).map { _ in Float(generator.nextNormal()) })
        var concrete = DifferentiableSolverLayer(solver: TopK(k: 2), estimator: .aimle(), samples: 3, seed: 11)
        var erased = DifferentiableSolverLayer(solver: AnyMAPSolver(TopK(k: 2)), estimator: .aimle(), samples: 3, seed: 11)
        let (zConcrete, _) = try concrete.forward(theta)
        let (zErased, _) = try erased.forward(theta)
        #expect(zErased == zConcrete)
        #expect(zErased.rows == 12)
    }

    @Test("an AnyMAPSolver does not wrap another, and a foreign workspace is replaced, not misused")
    func erasureDetails() throws {
        let twice = AnyMAPSolver(AnyMAPSolver(Argmax()))
        #expect(twice.base is Argmax)
        let topK = AnyMAPSolver(TopK(k: 1))
        var foreign = AnyMAPSolver(Argmax(sense: .minimize)).makeWorkspace()
        let theta: [Float] = [1, 5, 2]
        var output: [Float] = [9, 9, 9]
        var span = output.mutableSpan
        try topK.solve(theta.span, into: &span, workspace: &foreign)
        _ = consume span
        #expect(output == [0, 1, 0])
    }

    @Test("descriptions survive a JSON round trip")
    func descriptionCodable() throws {
        let registry = try combinatorialRegistry()
        for description in registry.descriptions {
            let data = try JSONEncoder().encode(description)
            #expect(try JSONDecoder().decode(SolverDescription.self, from: data) == description)
        }
    }

    @Test("concurrent registrations and lookups are all kept")
    func threadSafety() async throws {
        let registry = SolverRegistry()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    try registry.register("argmax.copy-\(index)", summary: "copy", family: "test") { _ in Argmax() }
                    _ = registry.names
                }
            }
            try await group.waitForAll()
        }
        #expect(registry.names.count == 64)
        #expect(try registry.makeSolver(named: "argmax.copy-63").solve(row: [1, 2]) == [0, 1])
    }
}

@Suite("Solver registry errors")
struct SolverRegistryErrorTests {
    func registry() throws -> SolverRegistry {
        let registry = SolverRegistry()
        try registerCombinatorialSolvers(in: registry)
        return registry
    }

    func expectError(_ kind: RegistryError.Kind, mentioning words: [String],
                     _ body: () throws(RegistryError) -> Void) {
        do throws(RegistryError) {
            try body()
            Issue.record("expected a \(kind) error")
        } catch {
            #expect(error.kind == kind)
            for word in words { #expect(error.message.contains(word), "\(error.message) should mention \(word)") }
        }
    }

    @Test("registering a name twice is a duplicateName error")
    func duplicate() throws {
        let registry = try registry()
        expectError(.duplicateName, mentioning: ["top-k"]) { () throws(RegistryError) in
            try registry.register("top-k", summary: "again", family: "x") { _ in Argmax() }
        }
        expectError(.duplicateName, mentioning: ["argmax"]) { () throws(RegistryError) in
            try registerCombinatorialSolvers(in: registry)
        }
    }

    @Test("names must be dotted lowercase words", arguments: ["", "Top-K", "top k", "a..b", ".a", "a.", "-a", "a.-b", "a_b"])
    func invalidNames(name: String) {
        let registry = SolverRegistry()
        expectError(.invalidName, mentioning: []) { () throws(RegistryError) in
            try registry.register(name, summary: "s", family: "f") { _ in Argmax() }
        }
    }

    @Test("valid dotted names are accepted", arguments: ["top-k", "shortest-path.grid", "ilp.glpk", "graph-cut.bk", "a1.b2-c3"])
    func validNames(name: String) throws {
        try SolverRegistry().register(name, summary: "s", family: "f") { _ in Argmax() }
    }

    /// Options declared once: the description is derived from the struct (kebab-case names,
    /// JSON types, defaults, vocabularies, declaration order), and the factory receives the
    /// given values with the defaults filled in.
    @Test("options are declared once and described from the declaration")
    func declaredOptions() throws {
        struct Declared: SolverOptionSet {
            @SolverOption(meaning: "a required count") var blockSize: Int
            @SolverOption(meaning: "a number") var scale = 0.5
            @SolverOption(meaning: "some integers") var weights: [Int] = [1, 2]
            @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.minimize
        }
        let registry = SolverRegistry()
        let seen = Mutex<Declared?>(nil)
        try registry.register("declared", summary: "s", family: "f", options: Declared.self) { (options) throws(SolverError) in
            seen.withLock { $0 = options }
            return Argmax(sense: options.sense)
        }
        let options = try registry.description(of: "declared").options
        #expect(options == [
            SolverOptionDescription("block-size", .integer, meaning: "a required count"),
            SolverOptionDescription("scale", .number, default: 0.5, meaning: "a number"),
            SolverOptionDescription("weights", .integerArray, default: [1, 2], meaning: "some integers"),
            SolverOptionDescription("sense", .string, default: "minimize", meaning: OptimizationSense.optionMeaning,
                                    allowedValues: ["maximize", "minimize"]),
        ])
        let solver = try registry.makeSolver(named: "declared", options: ["block-size": 3, "sense": "maximize"])
        #expect(solver.sense == .maximize)
        let decoded = try #require(seen.withLock { $0 })
        #expect(decoded.blockSize == 3 && decoded.scale == 0.5 && decoded.weights == [1, 2] && decoded.sense == .maximize)
        expectError(.missingOption, mentioning: ["block-size", "a required count"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "declared", options: [:])
        }
        expectError(.wrongOptionType, mentioning: ["scale", "a number"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "declared", options: ["block-size": 3, "scale": "big"])
        }
    }

    @Test("unknown solvers list the registered names")
    func unknownSolver() throws {
        let registry = try registry()
        expectError(.unknownSolver, mentioning: ["top-q", "argmax", "top-k"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "top-q")
        }
    }

    @Test("unknown, missing, mistyped and out-of-vocabulary options are typed errors")
    func optionErrors() throws {
        let registry = try registry()
        expectError(.unknownOption, mentioning: ["kk", "top-k", "k, sense"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "top-k", options: ["k": 2, "kk": 3])
        }
        expectError(.missingOption, mentioning: ["'k'", "integer"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "top-k", options: [:])
        }
        expectError(.wrongOptionType, mentioning: ["'k'", "an integer", "a string"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "top-k", options: ["k": "two"])
        }
        expectError(.wrongOptionType, mentioning: ["'k'", "a number"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "top-k", options: ["k": 2.5])
        }
        expectError(.wrongOptionType, mentioning: ["weights", "an array of integers"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "knapsack.dp", options: ["weights": [1, 2.5], "capacity": 3])
        }
        expectError(.invalidOption, mentioning: ["sense", "sideways", "maximize, minimize"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "argmax", options: ["sense": "sideways"])
        }
        expectError(.malformedOptions, mentioning: ["JSON object", "an array"]) { () throws(RegistryError) in
            _ = try registry.makeSolver(named: "argmax", options: JSONValue.array([1, 2]))
        }
    }

    @Test("values the solver rejects keep the solver's own error")
    func factoryRejection() throws {
        let registry = try registry()
        do throws(RegistryError) {
            _ = try registry.makeSolver(named: "knapsack.dp", options: ["weights": [1, -2], "capacity": 3])
            Issue.record("a negative weight must be rejected")
        } catch {
            #expect(error.kind == .invalidOption)
            #expect(error.solverError?.kind == .invalidStructure)
            #expect(error.solverError?.index == 1)
            #expect(error.message.contains("knapsack.dp"))
        }
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test("decodes and re-encodes every kind of value")
    func roundTrip() throws {
        let text = #"{"a": null, "b": true, "c": 3, "d": 2.5, "e": "x", "f": [1, [2]], "g": {"h": -1}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected: JSONValue = ["a": nil, "b": true, "c": 3, "d": 2.5, "e": "x", "f": [1, [2]], "g": ["h": -1]]
        #expect(value == expected)
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        #expect(again == value)
        #expect(String(decoding: try JSONEncoder().encode(JSONValue.number(3)), as: UTF8.self) == "3")
    }

    @Test("integer views accept whole numbers only")
    func integerValue() {
        #expect(JSONValue.number(3).integerValue == 3)
        #expect(JSONValue.number(-3.0).integerValue == -3)
        #expect(JSONValue.number(3.5).integerValue == nil)
        #expect(JSONValue.number(1e300).integerValue == nil)
        #expect(JSONValue.string("3").integerValue == nil)
    }
}
