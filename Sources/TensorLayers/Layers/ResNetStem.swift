import _Differentiation
import DifferentiableSolvers

/// The truncated ResNet-18 that maps Warcraft terrain images to a grid of vertex costs
/// (Vlastelica et al. 2020, "Differentiation of Blackbox Combinatorial Solvers"):
/// conv 7 × 7 stride 2 padding 3 (3 → 64, no bias) → batch norm → ReLU → max-pool 3 × 3
/// stride 2 padding 1 → two basic residual blocks of 64 channels → adaptive max-pool to
/// the grid → mean over channels.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let model = try ResNetStem(gridSize: 12, using: &rng)
/// let costs = model(images, phase: .training)            // [N, 3, 96, 96] → [N, 12, 12]
/// let g = gradient(at: model) { hammingLoss(predicted: $0(images, phase: .training), expected: paths) }
/// ```
public struct ResNetStem: ParameterizedModel, Sendable {
    /// The 7 × 7 stride-2 input convolution.
    public var conv: Conv2D
    /// The normalisation after it.
    public var norm: BatchNorm
    /// The first residual block.
    public var block1: ResidualBlock
    /// The second residual block.
    public var block2: ResidualBlock
    /// The side of the output grid.
    @noDerivative public let gridSize: Int

    /// The stem for a `gridSize` × `gridSize` output with torchvision's initialisation.
    ///
    /// - Parameters:
    ///   - gridSize: The side of the output grid, at least 1 (12, 18, 24 or 30 on Warcraft).
    ///   - inputChannels: Image channels (3 for RGB).
    ///   - generator: The seeded source of randomness.
    /// - Throws: ``TensorError`` for sizes below 1.
    public init(gridSize: Int, inputChannels: Int = 3, using generator: inout SeededGenerator) throws(TensorError) {
        guard gridSize >= 1 else { throw TensorError(.invalidArgument, "ResNetStem needs a grid of at least 1, got \(gridSize)") }
        conv = try Conv2D(inputChannels: inputChannels, outputChannels: 64, kernelSize: 7, stride: 2, padding: 3, hasBias: false, using: &generator)
        norm = BatchNorm(channels: 64)
        block1 = try ResidualBlock(channels: 64, using: &generator)
        block2 = try ResidualBlock(channels: 64, using: &generator)
        self.gridSize = gridSize
    }

    /// The grid of costs for a batch of images, [N, gridSize, gridSize].
    ///
    /// Differentiable with respect to the model only: images are data. Check an input with
    /// ``validate(inputShape:)`` first; shapes that do not fit stop the program.
    @differentiable(reverse, wrt: self)
    public func callAsFunction(_ images: Tensor, phase: Phase) -> Tensor {
        let stem = relu(norm(conv(images), phase: phase))
        let pooled = maxPool2d(stem, kernelSize: 3, stride: 2, padding: 1)
        let features = block2(block1(pooled, phase: phase), phase: phase)
        let grid = adaptiveMaxPool2d(features, outputHeight: gridSize, outputWidth: gridSize)
        return mean(grid, alongAxis: 1)
    }

    /// Checks that images of `shape` fit the model.
    ///
    /// - Throws: ``TensorError`` unless `shape` is [N, inputChannels, H, W] with N ≥ 1 and
    ///   the features after the stem (about H/4 × W/4) at least `gridSize` on each side.
    public func validate(inputShape shape: [Int]) throws(TensorError) {
        let convolved = try conv.outputShape(forInput: shape)
        guard shape[0] >= 1 else { throw TensorError(.shapeMismatch, "ResNetStem needs at least one image, got \(shape)") }
        let pooledHeight = (convolved[2] + 2 - 3) / 2 + 1, pooledWidth = (convolved[3] + 2 - 3) / 2 + 1
        guard convolved[2] >= 2, convolved[3] >= 2, pooledHeight >= gridSize, pooledWidth >= gridSize else {
            throw TensorError(.shapeMismatch, "ResNetStem: images \(shape[2]) × \(shape[3]) are too small for a \(gridSize) × \(gridSize) grid")
        }
    }

    /// The parameters of `conv`, `norm`, `block1` and `block2`, prefixed with their names.
    public static var parameters: [ModelParameter<ResNetStem>] {
        ModelParameter.nested("conv", \.conv, \.conv) + ModelParameter.nested("norm", \.norm, \.norm)
            + ModelParameter.nested("block1", \.block1, \.block1) + ModelParameter.nested("block2", \.block2, \.block2)
    }

    /// The running statistics of `norm`, `block1` and `block2`, prefixed with their names.
    public var namedStatistics: [NamedStatistics] {
        norm.namedStatistics.map { $0.prefixed("norm") } + block1.namedStatistics.map { $0.prefixed("block1") }
            + block2.namedStatistics.map { $0.prefixed("block2") }
    }
}
