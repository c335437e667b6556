/// Gamma(shape, 1) deviates by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000), with
/// the boost Gamma(a) = Gamma(a + 1) · U^{1/a} for shapes below one.
enum GammaSampler {
    static func sample(shape: Double, using generator: inout SeededGenerator) -> Double {
        if shape < 1 {
            let boosted = sample(shape: shape + 1, using: &generator)
            return boosted * _pow(generator.nextUniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = generator.nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if _log(u) < 0.5 * x * x + d * (1 - v + _log(v)) { return d * v }
        }
    }
}
