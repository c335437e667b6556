@testable import DifferentiableSolvers
import Testing

@Suite("Gumbel noise from the eight- and sixteen-lane kernels equals the portable path bit for bit")
struct GumbelKernelTests {
    /// The portable path: one ``SeededGenerator/nextGumbelBlock()`` per eight values, the
    /// last block cut short.
    static func portable(count: Int, generator: inout SeededGenerator) -> [Float] {
        var values: [Float] = []
        while values.count < count {
            let block = generator.nextGumbelBlock()
            for lane in 0 ..< min(8, count - values.count) { values.append(block[lane]) }
        }
        return values
    }

    @Test("same values and same generator state", arguments: [0, 1, 7, 8, 9, 64, 1000, 10_003])
    func sameValues(count: Int) {
        for seed in UInt64(0) ..< 20 {
            var kernelGenerator = SeededGenerator(seed: seed, stream: [UInt64(count)])
            var portableGenerator = kernelGenerator
            let fromKernel = NoiseDistribution.gumbel.sample(count: count, using: &kernelGenerator)
            let expected = Self.portable(count: count, generator: &portableGenerator)
            #expect(fromKernel.map(\.bitPattern) == expected.map(\.bitPattern), "seed \(seed)")
            #expect(kernelGenerator == portableGenerator, "seed \(seed)")
        }
    }

    @Test("each kernel this processor has, for every block count, leaves the same values and state as the portable path",
          arguments: [8, 16, 4])
    func eachKernel(width: Int) {
        guard gumbelKernelWidths.contains(width) else {
            // A kernel the processor lacks is refused, and nothing changes.
            var generator = SeededGenerator(seed: 1)
            let before = generator
            var buffer = [Float](repeating: .nan, count: 8)
            let ran = buffer.withUnsafeMutableBufferPointer { generator.fillGumbelBlocks($0.baseAddress!, blocks: 1, kernelWidth: width) }
            #expect(!ran && generator == before && buffer.allSatisfy(\.isNaN))
            return
        }
        for blocks in 0 ..< 24 {
            for seed in UInt64(0) ..< 5 {
                var kernelGenerator = SeededGenerator(seed: seed, stream: [UInt64(blocks), UInt64(width)])
                var portableGenerator = kernelGenerator
                var buffer = [Float](repeating: .nan, count: 8 * blocks + 1)
                let ran = buffer.withUnsafeMutableBufferPointer {
                    kernelGenerator.fillGumbelBlocks($0.baseAddress!, blocks: blocks, kernelWidth: width)
                }
                #expect(ran)
                let expected = Self.portable(count: 8 * blocks, generator: &portableGenerator)
                #expect(buffer[..<(8 * blocks)].map(\.bitPattern) == expected.map(\.bitPattern), "\(blocks) blocks, seed \(seed)")
                #expect(buffer[8 * blocks].isNaN, "wrote past \(blocks) blocks")
                #expect(kernelGenerator == portableGenerator, "\(blocks) blocks, seed \(seed)")
            }
        }
    }

    @Test("fillGumbelBlocks leaves the values it does not own alone and writes finite draws")
    func bounds() {
        var generator = SeededGenerator(seed: 7)
        var buffer = [Float](repeating: .nan, count: 8 * 50 + 3)
        buffer.withUnsafeMutableBufferPointer { generator.fillGumbelBlocks($0.baseAddress!, blocks: 50) }
        let written = buffer[..<400].allSatisfy { $0.isFinite }
        let untouched = buffer[400...].allSatisfy { $0.isNaN }
        #expect(written)
        #expect(untouched)
    }
}
