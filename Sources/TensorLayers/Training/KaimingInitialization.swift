import DifferentiableSolvers

extension Tensor {
    /// A tensor of normal deviates with mean 0 and standard deviation `√(2 / fan)`
    /// (He et al. 2015), for layers followed by ReLU.
    ///
    /// torchvision's ResNets initialise convolutions this way with `fan` = output channels ×
    /// kernel area ("fan_out").
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 7)
    /// let w = try Tensor.kaimingNormal(shape: [64, 3, 7, 7], fan: 64 * 49, using: &rng)
    /// ```
    /// - Parameters:
    ///   - shape: The extent of each axis, all non-negative.
    ///   - fan: The number of connections the variance is scaled by, at least 1.
    ///   - generator: The seeded source of randomness.
    /// - Returns: The initialised tensor.
    /// - Throws: ``TensorError`` for a negative dimension or a fan below 1.
    /// - Complexity: O(n).
    public static func kaimingNormal(shape: [Int], fan: Int, using generator: inout SeededGenerator) throws(TensorError) -> Tensor {
        guard fan >= 1 else { throw TensorError(.invalidArgument, "Kaiming initialisation needs a fan of at least 1, got \(fan)") }
        let count = try elementCount(of: shape)
        let deviation = (2 / Double(fan)).squareRoot()
        let result = Tensor(uninitializedShape: shape)
        for index in 0..<count { result.storage.base[index] = Float(generator.nextNormal() * deviation) }
        return result
    }
}
