import CNoiseKernels

/// Whether a Gumbel kernel of `CNoiseKernels` (eight lanes with AVX2, sixteen with AVX-512)
/// runs here (checked once per process).
let gumbelKernelAvailable = dsn_gumbel_kernel_available() == 1

/// The lane counts of the Gumbel kernels this processor runs: `[8, 16]`, `[8]` or `[]`.
let gumbelKernelWidths = [8, 16].filter { $0 <= Int(dsn_gumbel_kernel_width()) }

extension SeededGenerator {
    /// Fills `blocks` blocks of eight values at `start` with ``nextGumbelBlock()`` draws, in
    /// order: the same values and the same final state as calling it `blocks` times.
    ///
    /// Where the processor has AVX-512 or AVX2 the C kernel computes the blocks with sixteen or
    /// eight lanes per instruction (bit-identical: the same operations in the same order, no
    /// fused multiply–add); elsewhere this calls ``nextGumbelBlock()``.
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

    /// ``fillGumbelBlocks(_:blocks:)`` through the kernel of `width` lanes (one of
    /// ``gumbelKernelWidths``), so that tests can hold each kernel to the portable path.
    ///
    /// - Returns: `false`, changing nothing, when this processor lacks that kernel.
    mutating func fillGumbelBlocks(_ start: UnsafeMutablePointer<Float>, blocks: Int, kernelWidth width: Int) -> Bool {
        guard blocks > 0 else { return gumbelKernelWidths.contains(width) }
        var status: Int32 = -1
        withUnsafeMutableState { state in status = dsn_gumbel_fill_blocks_with_width(Int32(width), state, start, blocks) }
        return status == 0
    }
}
