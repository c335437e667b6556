import DifferentiableSolvers

/// The examples' one way of reading noise names: `NoiseDescription(parsing:)`, the package's
/// parser, with its error as an ``ExampleError``.
///
/// ```swift
/// let noise = try NoiseName.parse("sog")   // .sumOfGammaMatchingK(iterations: 10)
/// ```
public enum NoiseName {
    /// Reads a noise name: `none`, `gumbel`, `normal`, `sum-of-gamma[:K[:T]]` or `sog[:K[:T]]`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) with the package parser's message.
    public static func parse(_ text: String) throws(ExampleError) -> NoiseDescription {
        do { return try NoiseDescription(parsing: text) } catch { throw ExampleError(error.message) }
    }
}
