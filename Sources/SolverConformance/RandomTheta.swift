import DifferentiableSolvers

/// Random θ rows for conformance instances, with ties on purpose: half of the entries are
/// small integers (so equal values are common), the rest normal deviates.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let theta = RandomTheta.row(length: 6, using: &rng)
/// ```
public enum RandomTheta {
    /// One row of `length` entries.
    public static func row(length: Int, using generator: inout SeededGenerator) -> [Float] {
        (0..<max(length, 0)).map { _ in
            generator.next() & 1 == 0
                ? Float(Int(generator.next() % 7) - 3)
                : Float(2 * generator.nextNormal())
        }
    }

    /// `count` rows of `length` entries.
    public static func rows(_ count: Int, length: Int, using generator: inout SeededGenerator) -> [[Float]] {
        (0..<max(count, 0)).map { _ in row(length: length, using: &generator) }
    }
}
