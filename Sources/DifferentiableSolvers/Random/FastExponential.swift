/// eˣ for eight `Float`s at once, accurate to a few units in the last place for
/// x in [−87, 88]; below −87 (where eˣ is no longer a normal `Float`) the result is 0.
///
/// The usual reduction: x = n · log 2 + r with n = round(x / log 2) and |r| ≤ ½ log 2 (log 2
/// subtracted in two parts so that r is exact), eʳ by a degree-6 Taylor–minimax polynomial
/// (the coefficients of Cephes' `expf`, S. L. Moshier, public domain), and 2ⁿ placed in the
/// exponent bits. Rounding to the nearest integer adds and subtracts 1.5 · 2²³, which needs
/// no SSE4.1 instruction; the same sum's low bits hold n as an integer. The clamping is two
/// selects: `clamped(lowerBound:upperBound:)` goes through `pointwiseMin`/`pointwiseMax`,
/// which the optimiser leaves as calls.
@inline(__always)
func fastExponential(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let tooSmall = x .< -87
    let clamped = x.replacing(with: -87, where: tooSmall).replacing(with: 88, where: x .> 88)
    let shifter: Float = 0x1.8p23
    let shifted = clamped * 1.44269504088896341 + shifter
    let n = shifted - shifter
    let r = clamped - n * 0.693359375 + n * 2.12194440e-4
    var p = SIMD8<Float>(repeating: 1.9875691500e-4)
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let er = p * (r * r) + r + 1
    // The low mantissa bits of `shifted` are n + 0x40_0000 (two's complement, 23 bits wide).
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let scale = unsafeBitCast((integer &+ 127) &<< 23, to: SIMD8<Float>.self)
    var result = er * scale
    result.replace(with: 0, where: tooSmall)
    return result
}
