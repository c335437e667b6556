import CNoiseKernels

/// Whether the eight-lane kernel of `CNoiseKernels` runs here (checked once per process).
let gumbelKernelAvailable = dsn_gumbel_kernel_available() == 1

extension SeededGenerator {
    /// Fills `blocks` blocks of eight values at `start` with ``nextGumbelBlock()`` draws, in
    /// order: the same values and the same final state as calling it `blocks` times.
    ///
    /// Where the processor has AVX2 the C kernel computes the blocks with eight lanes per
    /// instruction (bit-identical: the same operations in the same order, no fused
    /// multiply–add); elsewhere this calls ``nextGumbelBlock()``.
    mutating func fillGumbelBlocks(_ start: UnsafeMutablePointer<Float>, blocks: Int) {
        guard blocks > 0 else { return }
        if gumbelKernelAvailable {
            withUnsafeMutableState { state in dsn_gumbel_fill_blocks(state, start, blocks) }
        } else {
            for block in 0..<blocks {
                UnsafeMutableRawPointer(start + 8 * block).storeBytes(of: nextGumbelBlock(), as: SIMD8<Float>.self)
            }
        }
    }
}
