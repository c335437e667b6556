/// Gamma(shape, 1) deviates by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000), with
/// the boost Gamma(a) = Gamma(a + 1) · U^{1/a} for shapes below one.
///
/// The normal deviates come from Marsaglia's polar method, two per accepted pair: the second
/// is kept for the next draw, so a sampler used for a whole row of Sum-of-Gamma noise needs
/// one logarithm and no trigonometric function per normal pair. A sampler is a value: create
/// one per range of noise values so that the values depend only on the generator's state.
struct GammaSampler {
    /// The second normal deviate of the last polar pair, not yet used.
    private var spareNormal: Double?

    /// The next standard normal deviate.
    private mutating func nextNormal(using generator: inout SeededGenerator) -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * generator.nextUniform() - 1, v = 2 * generator.nextUniform() - 1
            let s = u * u + v * v
            guard s < 1, s > 0 else { continue }
            let scale = (-2 * _log(s) / s).squareRoot()
            spareNormal = v * scale
            return u * scale
        }
    }

    /// One Gamma(shape, 1) deviate; `shape` > 0.
    mutating func sample(shape: Double, using generator: inout SeededGenerator) -> Double {
        if shape < 1 {
            let boosted = sample(shape: shape + 1, using: &generator)
            return boosted * _pow(generator.nextUniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = nextNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if _log(u) < 0.5 * x * x + d * (1 - v + _log(v)) { return d * v }
        }
    }
}
