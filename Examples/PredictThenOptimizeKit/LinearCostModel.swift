import _Differentiation
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// The prediction model of PyEPO's tutorials: one linear layer from p features to d costs,
/// trained by Adam.
///
/// The caller supplies ∂L/∂ĉ (the methods compute it); ``step(features:costGradient:)``
/// back-propagates it through the layer and applies one Adam update.
///
/// ```swift
/// var model = try LinearCostModel(features: 5, costs: 40, learningRate: 1e-2, seed: 0)
/// let predicted = try model.predict(batch.features)
/// try model.step(features: batch.features, costGradient: gradient)
/// ```
public struct LinearCostModel: Sendable {
    /// The layer ĉ = W x + b.
    public private(set) var layer: Dense
    private var optimizer: Adam

    /// A freshly initialised model (Kaiming-normal weights, zero bias).
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for sizes below 1
    ///   or a learning rate that is not positive.
    public init(features: Int, costs: Int, learningRate: Float, seed: UInt64) throws(ExampleError) {
        guard learningRate > 0, learningRate.isFinite else {
            throw ExampleError(.invalidArgument, "the learning rate must be > 0 (got \(learningRate))")
        }
        var generator = SeededGenerator(seed: seed, stream: [0x11AE])
        do {
            layer = try Dense(inputSize: features, outputSize: costs, using: &generator)
        } catch {
            throw ExampleError(.invalidArgument, "\(error)")
        }
        optimizer = Adam(learningRate: learningRate)
    }

    /// ĉ for every row of `features`.
    ///
    /// - Throws: ``ExampleError`` of kind `.shapeMismatch` for the wrong width.
    public func predict(_ features: Matrix) throws(ExampleError) -> Matrix {
        let x = try Self.tensor(features, expectedColumns: layer.weight.shape[1])
        let y = layer(x)
        return Matrix(rows: features.rows, columns: layer.weight.shape[0], values: y.scalars)
    }

    /// One Adam step along the gradient of the loss with respect to the predictions.
    ///
    /// - Throws: ``ExampleError`` of kind `.shapeMismatch` when the shapes
    ///   disagree.
    public mutating func step(features: Matrix, costGradient: Matrix) throws(ExampleError) {
        let x = try Self.tensor(features, expectedColumns: layer.weight.shape[1])
        let (_, pullback) = valueWithPullback(at: layer) { $0(x) }
        do {
            let seed = try Tensor(shape: [costGradient.rows, costGradient.columns], scalars: costGradient.values)
            guard seed.shape == [features.rows, layer.weight.shape[0]] else {
                throw ExampleError(.shapeMismatch,
                                               "∂L/∂ĉ is \(costGradient.rows) × \(costGradient.columns); expected \(features.rows) × \(layer.weight.shape[0])")
            }
            try optimizer.update(&layer, along: pullback(seed))
        } catch let error as ExampleError {
            throw error
        } catch {
            throw ExampleError(.shapeMismatch, "\(error)")
        }
    }

    static func tensor(_ matrix: Matrix, expectedColumns: Int) throws(ExampleError) -> Tensor {
        guard matrix.isConsistent, matrix.columns == expectedColumns else {
            throw ExampleError(.shapeMismatch,
                                           "features are \(matrix.rows) × \(matrix.columns); the model expects \(expectedColumns) columns")
        }
        do {
            return try Tensor(shape: [matrix.rows, matrix.columns], scalars: matrix.values)
        } catch {
            throw ExampleError(.shapeMismatch, "\(error)")
        }
    }
}
