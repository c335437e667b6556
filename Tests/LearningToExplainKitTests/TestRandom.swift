import DifferentiableSolvers

/// Seeded uniforms and Gumbel draws for the tests.
struct TestRandom {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed, stream: [0x7E57]) }

    /// A uniform value in (0, 1).
    mutating func uniform() -> Float { generator.nextUniformFloat() }

    /// A uniform value in (lower, upper).
    mutating func uniform(_ lower: Float, _ upper: Float) -> Float { lower + (upper - lower) * uniform() }
}
