import DifferentiableSolvers
@testable import DiscreteVAEKit
import TensorLayers
import _ExampleSupport
import Testing

@Suite("Decoding each distinct latent state once gives the per-row losses")
struct SharedDecodingTests {
    @Test("DistinctRows keeps first appearances and maps every row to its copy")
    func distinctRows() {
        let rows: [Float] = [1, 0, 0, 1, 1, 0, 0, 0, 0, 1, -0.0, 0]
        let distinct = DistinctRows(rows, columns: 2)
        #expect(distinct.values == [1, 0, 0, 1, 0, 0])
        #expect(distinct.index == [0, 1, 0, 2, 1, 2])
        #expect(distinct.count == 3)
        for (row, position) in distinct.index.enumerated() {
            #expect(Array(rows[row * 2 ..< row * 2 + 2]) == Array(distinct.values[position * 2 ..< position * 2 + 2]))
        }
        #expect(DistinctRows([1, 2, 3], columns: 0).count == 0)
    }

    @Test("bernoulliLosses equals decoding every row and summing the cross-entropy", arguments: [UInt64(1), 2, 3])
    func matchesRowByRow(seed: UInt64) throws {
        let classes = 4, pixels = 19, images = 3
        var rng = SeededGenerator(seed: seed)
        let decoder = try ShallowPerceptron(sizes: (classes, 6, pixels), using: &rng)
        let batch = (0 ..< images * pixels).map { _ in Float(rng.nextUniform() < 0.4 ? 1 : 0) }
        // Every image asks for all K one-hot states, plus one repeated and one non-one-hot state.
        var latents: [Float] = []
        var owners: [Int] = []
        for image in 0..<images {
            for k in 0..<classes {
                latents += (0..<classes).map { $0 == k ? 1 : 0 }
                owners.append(image)
            }
            latents += [0.5, 0, 0, 1]
            owners.append(image)
        }
        let shared = try decoder.bernoulliLosses(latents: latents, columns: classes, owners: owners, images: batch, pixels: pixels)
        let logits = decoder(try Tensor(shape: [owners.count, classes], scalars: latents)).scalars
        let labels = owners.flatMap { batch[$0 * pixels ..< ($0 + 1) * pixels] }
        let direct = BernoulliLikelihood.rowLosses(logits: logits, labels: labels, columns: pixels)
        #expect(shared.count == direct.count)
        for (a, b) in zip(shared, direct) { #expect(Swift.abs(a - b) < 1e-4 * max(1, Swift.abs(b))) }
    }

    @Test("an owner outside the batch is a typed error")
    func badOwner() throws {
        var rng = SeededGenerator(seed: 4)
        let decoder = try ShallowPerceptron(sizes: (2, 3, 5), using: &rng)
        #expect(throws: ExampleError.self) {
            try decoder.bernoulliLosses(latents: [1, 0], columns: 2, owners: [1], images: [Float](repeating: 0, count: 5), pixels: 5)
        }
    }
}
