/// The natural logarithm of a positive, finite, normal `Float`, about four times faster than
/// the C library's and accurate to a few units in the last place.
///
/// Cephes' `logf` scheme (S. L. Moshier, public domain): split x = m · 2ᵉ with m in
/// [√½, √2), evaluate log(1 + f), f = m − 1, by its minimax polynomial, and add e · log 2
/// in two parts. Used for Gumbel noise, where two logarithms per value otherwise dominate
/// the cost of perturbing a cheap solver's input.
@inline(__always)
func fastLogarithm(_ x: Float) -> Float {
    let bits = x.bitPattern
    var exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 127)
    var mantissa = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)
    if mantissa > 1.41421356 {
        mantissa *= 0.5
        exponent += 1
    }
    let f = mantissa - 1
    let z = f * f
    var p: Float = 7.0376836292e-2
    p = p * f - 1.1514610310e-1
    p = p * f + 1.1676998740e-1
    p = p * f - 1.2420140846e-1
    p = p * f + 1.4249322787e-1
    p = p * f - 1.6668057665e-1
    p = p * f + 2.0000714765e-1
    p = p * f - 2.4999993993e-1
    p = p * f + 3.3333331174e-1
    var y = f * z * p
    y += -2.12194440e-4 * exponent
    y += -0.5 * z
    return f + y + 0.693359375 * exponent
}
