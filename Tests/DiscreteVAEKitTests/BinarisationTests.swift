import DifferentiableSolvers
import DiscreteVAEKit
import Testing
import _ExampleSupport

@Suite("Binarisation")
struct BinarisationTests {
    static func set() throws -> ImageSet {
        try ImageSet(pixels: (0..<4000).map { Float($0 % 5) / 4 }, labels: [Int](repeating: 0, count: 1000), height: 2, width: 2)
    }

    @Test("Threshold keeps intensities above ½")
    func threshold() throws {
        let binary = Binarisation.threshold.frozen(try Self.set(), seed: 1)
        #expect(Array(binary.pixels.prefix(5)) == [0, 0, 0, 1, 1])
    }

    @Test("Bernoulli draws have the intensity as their frequency and are reproducible")
    func bernoulli() throws {
        let set = try Self.set()
        let binary = Binarisation.fixed.frozen(set, seed: 3)
        #expect(binary.pixels == Binarisation.fixed.frozen(set, seed: 3).pixels)
        #expect(binary.pixels.allSatisfy { $0 == 0 || $0 == 1 })
        for level in 0..<5 {
            let drawn = binary.pixels.enumerated().filter { $0.offset % 5 == level }.map(\.element)
            let frequency = drawn.reduce(0, +) / Float(drawn.count)
            // 800 draws: 4.5 standard deviations of a Bernoulli(½) mean is 0.08.
            #expect(Swift.abs(frequency - Float(level) / 4) < 0.08, "level \(level)")
        }
    }
}
