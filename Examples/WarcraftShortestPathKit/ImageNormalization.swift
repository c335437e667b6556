import TensorLayers

/// Per-channel standardisation of map images with statistics of the training set, and the
/// conversion of a batch of maps (height × width × channel bytes) to the network's input
/// tensor [B, 3, 8H, 8H].
public struct ImageNormalization: Sendable, Codable, Equatable {
    /// The mean of each colour channel over the training maps, in 0…255 units.
    public let mean: [Float]
    /// The standard deviation of each colour channel, in 0…255 units (at least 10⁻³).
    public let standardDeviation: [Float]

    /// The statistics of all pixels of `dataset`.
    public init(fitting dataset: WarcraftDataset) {
        var sum = [Double](repeating: 0, count: 3), squares = [Double](repeating: 0, count: 3)
        for (index, byte) in dataset.maps.enumerated() {
            let value = Double(byte)
            sum[index % 3] += value
            squares[index % 3] += value * value
        }
        let pixels = Double(max(dataset.maps.count / 3, 1))
        mean = sum.map { Float($0 / pixels) }
        standardDeviation = (0..<3).map { c in
            Float(max((squares[c] / pixels - (sum[c] / pixels) * (sum[c] / pixels)).squareRoot(), 1e-3))
        }
    }

    /// The standardised maps of instances `indices` of `dataset`, channels first.
    ///
    /// - Throws: ``TensorError`` when `indices` is empty.
    public func images(_ dataset: WarcraftDataset, _ indices: some Collection<Int>) throws(TensorError) -> Tensor {
        let side = dataset.imageSide, plane = side * side
        var scalars = [Float](repeating: 0, count: indices.count * 3 * plane)
        let scale = standardDeviation.map { 1 / $0 }
        for (b, index) in indices.enumerated() {
            let image = dataset.image(index)
            var source = image.startIndex
            for pixel in 0..<plane {
                for c in 0..<3 {
                    scalars[(b * 3 + c) * plane + pixel] = (Float(image[source]) - mean[c]) * scale[c]
                    source += 1
                }
            }
        }
        return try Tensor(shape: [indices.count, 3, side, side], scalars: scalars)
    }
}
