/// Eight independent xoshiro128+ streams run side by side in `SIMD8<UInt32>` lanes: eight
/// uniform `Float`s in (0, 1) per step for about the cost of two scalar 64-bit outputs.
///
/// Made for samplers that consume uniforms in blocks of eight (the Sum-of-Gamma sampler):
/// the lanes' states are drawn from a ``SeededGenerator``, so the blocks depend only on that
/// generator's state, and the generator advances by a fixed 16 outputs. xoshiro128+ has no
/// multiplication, so a step is a handful of SSE2 shifts, xors and adds; only the top 23 bits
/// of each output are used (its low bits are the weak ones).
struct UniformBlockGenerator {
    private var s0, s1, s2, s3: SIMD8<UInt32>

    /// Takes the 32 state words of the eight lanes from `generator` (16 outputs).
    init(seededFrom generator: inout SeededGenerator) {
        // Output p gives lanes 2p (its low half) and 2p + 1 (its high half): on a
        // little-endian machine that is the bit pattern of the four outputs as 64-bit lanes.
        func words() -> SIMD8<UInt32> {
            let outputs = SIMD4<UInt64>(generator.next(), generator.next(), generator.next(), generator.next())
            #if _endian(little)
            return unsafeBitCast(outputs, to: SIMD8<UInt32>.self)
            #else
            var lanes = SIMD8<UInt32>()
            for pair in 0..<4 {
                lanes[2 * pair] = UInt32(truncatingIfNeeded: outputs[pair])
                lanes[2 * pair + 1] = UInt32(truncatingIfNeeded: outputs[pair] >> 32)
            }
            return lanes
            #endif
        }
        s0 = words(); s1 = words(); s2 = words(); s3 = words()
        // A lane whose state is all zero would stay zero.
        s0.replace(with: 1, where: (s0 | s1 | s2 | s3) .== 0)
    }

    /// The next 32 random bits of each lane.
    @inline(__always)
    mutating func nextBits() -> SIMD8<UInt32> {
        let result = s0 &+ s3
        let t = s1 &<< 9
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        // Rotate left by 11. Written with `&+` (the two parts share no bits): LLVM turns the
        // `|` form into a rotate, which SSE2 lacks, and then works lane by lane in scalars.
        s3 = (s3 &<< 11) &+ (s3 &>> 21)
        return result
    }

    /// Eight uniforms in the open interval (0, 1): 23 random bits m per lane give
    /// (2m + 1) · 2⁻²⁴, exact in `Float`, so neither 0 nor 1 can occur.
    @inline(__always)
    mutating func nextUniform() -> SIMD8<Float> {
        SIMD8<Float>(uniformFromMantissas: nextBits() &>> 9)
    }
}

extension SIMD8<Float> {
    /// (2m + 1) · 2⁻²⁴ for 23-bit integers m: 1 + m · 2⁻²³ minus (1 − 2⁻²⁴), both exact.
    @inline(__always)
    init(uniformFromMantissas mantissas: SIMD8<UInt32>) {
        self = unsafeBitCast(mantissas | 0x3F80_0000, to: SIMD8<Float>.self) - (1 - 0x1p-24)
    }
}
