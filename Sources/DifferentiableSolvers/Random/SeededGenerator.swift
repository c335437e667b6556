/// A fast, seeded pseudo-random generator (xoshiro256**) whose streams are derived from a
/// seed and any number of stream identifiers.
///
/// All randomness in the package flows through this type. The layer derives one stream per
/// (seed, step, row), so a run is bit-identical for a seed whatever the number of threads.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42, stream: [step, row])
/// let u = rng.nextUniform()          // in (0, 1)
/// let g = Float.random(in: 0..<1, using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    private var s0, s1, s2, s3: UInt64

    /// A generator for `seed`, optionally on a sub-stream named by `stream` identifiers.
    ///
    /// Different identifier lists give statistically independent streams.
    public init(seed: UInt64, stream: [UInt64] = []) {
        var mix = SplitMix64(state: seed)
        var key = mix.next()
        for id in stream {
            var inner = SplitMix64(state: key ^ (id &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019))
            key = inner.next() ^ inner.next()
        }
        var expand = SplitMix64(state: key)
        s0 = expand.next(); s1 = expand.next(); s2 = expand.next(); s3 = expand.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in the open interval (0, 1) (never exactly 0 or 1).
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A uniform float in the open interval (0, 1): 23 random bits, centred in their cell, so
    /// that neither 0 nor 1 can occur after rounding.
    public mutating func nextUniformFloat() -> Float {
        (Float(next() >> 41) + 0.5) * 0x1.0p-23
    }

    /// A standard Gumbel(0, 1) deviate, −log(−log u), with a fast single-precision logarithm.
    public mutating func nextGumbel() -> Float {
        -fastLogarithm(-fastLogarithm(nextUniformFloat()))
    }

    /// Eight independent standard Gumbel(0, 1) deviates from four 64-bit outputs: each
    /// output gives two 23-bit uniforms in (0, 1), u = (2m + 1) · 2⁻²⁴ (exact in `Float`),
    /// and both logarithms run eight-wide. Several times faster per value than
    /// ``nextGumbel()``, which the layer's noise relies on for cheap solvers.
    public mutating func nextGumbelBlock() -> SIMD8<Float> {
        // Word p gives lane 2p its top 23 bits and lane 2p + 1 the next 23: built as 64-bit
        // lanes whose low and high halves are those two lanes, instead of eight inserts.
        let words = SIMD4<UInt64>(next(), next(), next(), next())
        let pairs = (words &>> 41) | (((words &>> 9) & 0x007F_FFFF) &<< 32)
        let uniform = SIMD8<Float>(uniformFromMantissas: unsafeBitCast(pairs, to: SIMD8<UInt32>.self))
        return -fastLogarithm(-fastLogarithm(uniform))
    }

    /// A standard normal deviate (Box–Muller; one value per call, so the stream position
    /// does not depend on how values are grouped).
    public mutating func nextNormal() -> Double {
        let u1 = nextUniform(), u2 = nextUniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// Runs `body` on the four state words s0…s3 as a contiguous buffer, then keeps what
    /// `body` left there (the C noise kernels advance the state in place).
    mutating func withUnsafeMutableState(_ body: (UnsafeMutablePointer<UInt64>) -> Void) {
        var words = (s0, s1, s2, s3)
        withUnsafeMutablePointer(to: &words) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 4) { body($0) }
        }
        (s0, s1, s2, s3) = words
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64, used to expand seeds into generator states.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
