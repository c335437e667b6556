/// sin φ and cos φ for eight `Float`s with |φ| ≤ π/4, to about one unit in the last place.
///
/// Odd and even minimax polynomials in φ² with the coefficients of Cephes' `sinf` and `cosf`
/// (S. L. Moshier, public domain) on their reduced range; callers reduce the angle
/// themselves (the normal sampler draws the quadrant as two random bits).
@inline(__always)
func fastSineCosine(_ phi: SIMD8<Float>) -> (sine: SIMD8<Float>, cosine: SIMD8<Float>) {
    let z = phi * phi
    var s = SIMD8<Float>(repeating: -1.9515295891e-4)
    s = s * z + 8.3321608736e-3
    s = s * z - 1.6666654611e-1
    let sine = s * z * phi + phi
    var c = SIMD8<Float>(repeating: 2.443315711809948e-5)
    c = c * z - 1.388731625493765e-3
    c = c * z + 4.166664568298827e-2
    let cosine = c * z * z - 0.5 * z + 1
    return (sine, cosine)
}
