/// A `Float` value and an index packed into one `UInt64` whose unsigned order is the
/// lexicographic order of `(value, index)`.
///
/// The value occupies the high 32 bits as an order-preserving bit pattern (negative floats
/// have all their bits flipped, non-negative ones only the sign bit), the index the low 32
/// bits. Heaps and sorts over packed keys compare one integer instead of a float and a
/// tie-breaker, and break ties by the smaller index, deterministically.
enum PackedKey {
    /// The key of `(value, index)`; `value` must not be NaN, and −0 counts as +0.
    @inline(__always)
    static func make(_ value: Float, _ index: Int) -> UInt64 {
        UInt64(orderedBits(value)) << 32 | UInt64(UInt32(truncatingIfNeeded: index))
    }

    /// The index half of a key.
    @inline(__always)
    static func index(of key: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: key)) }

    /// The value half of a key.
    @inline(__always)
    static func value(of key: UInt64) -> Float {
        let bits = UInt32(truncatingIfNeeded: key >> 32)
        return Float(bitPattern: bits & 0x8000_0000 != 0 ? bits & 0x7FFF_FFFF : ~bits)
    }

    /// A bit pattern whose unsigned order is the numeric order of `value`.
    @inline(__always)
    static func orderedBits(_ value: Float) -> UInt32 {
        let bits = (value + 0).bitPattern   // −0 + 0 is +0
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }
}
