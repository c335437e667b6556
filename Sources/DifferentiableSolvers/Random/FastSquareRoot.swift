/// √x for eight positive, finite, normal `Float`s, to about one unit in the last place.
///
/// The standard library's `SIMD8<Float>.squareRoot()` runs lane by lane through `sqrtf`
/// (keeping its `errno` behaviour), which also stops the surrounding arithmetic from staying
/// in vector registers. This computes 1/√x from the classic bit-level first guess
/// (0x5F375A86 − bits/2, within 0.2 %) refined by three Newton steps r ← r · (3 − x r²) / 2,
/// then √x = x · r.
@inline(__always)
func fastSquareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
    var r = unsafeBitCast(0x5F37_5A86 &- (bits &>> 1), to: SIMD8<Float>.self)
    let half = 0.5 * x
    r = r * (1.5 - half * r * r)
    r = r * (1.5 - half * r * r)
    r = r * (1.5 - half * r * r)
    return x * r
}
