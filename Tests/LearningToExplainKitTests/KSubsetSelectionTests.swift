import DifferentiableSolvers
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("The MAP selection is a k-subset: exactly k ones, at the k largest scores")
struct KSubsetSelectionTests {
    @Test("Random scores against a brute-force sort", arguments: [1, 4, 8, 16, 48, 49])
    func mapIsTopK(k: Int) throws {
        let selection = try KSubsetSelection(k: k, of: 49)
        var random = TestRandom(seed: UInt64(k))
        let rows = 20
        let scores = Matrix(rows: rows, columns: 49, values: (0 ..< rows * 49).map { _ in random.uniform(-3, 3) })
        let masks = try selection.map(scores)
        for row in 0..<rows {
            let chosen = Set((0..<49).filter { masks[row, $0] == 1 })
            let largest = Set((0..<49).sorted { scores[row, $0] > scores[row, $1] }.prefix(k))
            #expect(masks.row(row).allSatisfy { $0 == 0 || $0 == 1 })
            #expect(chosen.count == k)
            #expect(chosen == largest)
        }
    }

    @Test("Random selections are k-subsets too")
    func randomSelections() throws {
        let selection = try KSubsetSelection(k: 5, of: 49)
        var generator = SeededGenerator(seed: 1)
        let masks = selection.random(rows: 30, using: &generator)
        for row in 0..<30 { #expect(masks.row(row).reduce(0, +) == 5) }
        // Not the same subset every time.
        #expect(Set(masks.rowArrays).count > 1)
    }

    @Test("k outside 1 … n is refused", arguments: [0, -1, 50])
    func badK(k: Int) throws {
        let error = try #require(throws: ExampleError.self) { try KSubsetSelection(k: k, of: 49) }
        #expect(error.kind == .invalidArgument)
    }

    @Test("Scores of the wrong width are refused")
    func wrongWidth() throws {
        let selection = try KSubsetSelection(k: 2, of: 49)
        let error = try #require(throws: ExampleError.self) { try selection.map(Matrix(rows: 1, columns: 48, repeating: 0)) }
        #expect(error.kind == .shapeMismatch)
    }
}
