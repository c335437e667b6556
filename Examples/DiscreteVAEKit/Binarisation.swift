import DifferentiableSolvers

/// How grey-scale images become the binary data of a Bernoulli VAE.
///
/// * ``dynamic``: every time an image is used, each pixel is drawn anew from
///   Bernoulli(intensity) (as in the direct-optimisation and IMLE papers' code);
/// * ``fixed``: one Bernoulli draw per pixel, made once with a fixed seed and reused.
///
/// Test sets are drawn once with a fixed seed in both modes, so that test losses compare.
public enum Binarisation: String, Sendable, Hashable, Codable, CaseIterable {
    /// A fresh draw at every use.
    case dynamic
    /// One draw, reused.
    case fixed

    /// One Bernoulli draw per intensity.
    public static func sample(_ intensities: ArraySlice<Float>, using generator: inout SeededGenerator) -> [Float] {
        intensities.map { generator.nextUniformFloat() < $0 ? 1 : 0 }
    }

    /// A copy of `set` whose intensities are one Bernoulli draw each (seeded).
    public static func frozen(_ set: ImageSet, seed: UInt64) -> ImageSet {
        var generator = SeededGenerator(seed: seed, stream: [0xB1])
        let pixels = sample(set.pixels[...], using: &generator)
        return (try? ImageSet(pixels: pixels, labels: set.labels, height: set.height, width: set.width)) ?? set
    }
}
