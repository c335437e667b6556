import DifferentiableSolvers
import _ExampleSupport

/// How grey-scale images become the binary data of a Bernoulli VAE.
///
/// * ``dynamic``: every time a training image is used, each pixel is drawn anew from
///   Bernoulli(intensity) (the IMLE papers' VAE);
/// * ``fixed``: one Bernoulli draw per pixel, made once with a fixed seed and reused
///   (Salakhutdinov and Murray's "binarized MNIST" protocol);
/// * ``threshold``: a pixel is 1 when its intensity exceeds ½.
///
/// Validation and test images are binarised once (drawn with a fixed seed, or thresholded),
/// so that their losses compare across runs.
public enum Binarisation: String, Sendable, Hashable, Codable, CaseIterable {
    /// A fresh draw at every use.
    case dynamic
    /// One draw, reused.
    case fixed
    /// Intensity > ½.
    case threshold

    /// One Bernoulli draw per intensity.
    public static func sample(_ intensities: ArraySlice<Float>, using generator: inout SeededGenerator) -> [Float] {
        intensities.map { generator.nextUniformFloat() < $0 ? 1 : 0 }
    }

    /// A copy of `set` binarised once: thresholded for ``threshold``, else one seeded
    /// Bernoulli draw per pixel.
    public func frozen(_ set: ImageSet, seed: UInt64) -> ImageSet {
        var generator = SeededGenerator(seed: seed, stream: [0xB1])
        let pixels = self == .threshold ? set.pixels.map { $0 > 0.5 ? 1 : 0 } : Self.sample(set.pixels[...], using: &generator)
        return (try? ImageSet(pixels: pixels, labels: set.labels, height: set.height, width: set.width)) ?? set
    }
}
