extension SIMDMask<SIMD8<Int32>> {
    /// Whether any lane is set: one comparison of the mask's bits, where the standard
    /// library's `any(_:)` reduces lane by lane.
    @inline(__always)
    var anyLane: Bool {
        let words = unsafeBitCast(self, to: SIMD4<UInt64>.self)
        return words[0] | words[1] | words[2] | words[3] != 0
    }
}

extension SIMD8<Float> {
    /// The lanes where `mask` is set, and +0 elsewhere (a bitwise and).
    @inline(__always)
    func keeping(_ mask: SIMDMask<SIMD8<Int32>>) -> SIMD8<Float> {
        unsafeBitCast(unsafeBitCast(self, to: SIMD8<Int32>.self) & unsafeBitCast(mask, to: SIMD8<Int32>.self),
                      to: SIMD8<Float>.self)
    }
}
