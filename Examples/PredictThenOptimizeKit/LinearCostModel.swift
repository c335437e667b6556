#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// The prediction model of PyEPO's tutorials: one linear layer from p features to d costs,
/// trained by Adam.
///
/// The caller supplies ∂L/∂ĉ (the methods compute it); ``step(features:costGradient:)``
/// back-propagates it through the layer and applies one Adam update. The layer is small
/// (5 → 40 in PyEPO's shortest path), so prediction, gradient and update are direct loops
/// over flat arrays rather than tensor operations; the initial weights are those of a
/// TensorLayers `Dense` layer, and the update is that of its `Adam` (PyTorch's defaults).
///
/// ```swift
/// var model = try LinearCostModel(features: 5, costs: 40, learningRate: 1e-2, seed: 0)
/// let predicted = try model.predict(batch.features)
/// try model.step(features: batch.features, costGradient: gradient)
/// ```
public struct LinearCostModel: Sendable {
    /// Features p.
    public let featureCount: Int
    /// Costs d.
    public let costCount: Int
    /// W transposed, p × d row-major: `weights[i * d + j]` multiplies feature i for cost j,
    /// so that the loops over costs run over contiguous memory.
    private var weights: [Float]
    /// b, d entries.
    private var bias: [Float]
    /// Adam's state: first and second moments of the weights (in the layout of `weights`)
    /// and of the bias, and the number of updates so far.
    private var weightMoments: (first: [Float], second: [Float])
    private var biasMoments: (first: [Float], second: [Float])
    private var updates = 0
    /// The initial layer, whose weight and bias ``layer`` replaces.
    private let template: Dense
    /// Adam's step size.
    public let learningRate: Float
    private static let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-8)

    /// The layer ĉ = W x + b, as a TensorLayers `Dense` layer.
    public var layer: Dense {
        var dense = template
        var weight = [Float](repeating: 0, count: weights.count)
        for i in 0..<featureCount {
            for j in 0..<costCount { weight[j * featureCount + i] = weights[i * costCount + j] }
        }
        // The shapes are those of the layer itself, so neither initialiser can fail.
        dense.weight = (try? Tensor(shape: [costCount, featureCount], scalars: weight)) ?? dense.weight
        dense.bias = (try? Tensor(shape: [costCount], scalars: bias)) ?? dense.bias
        return dense
    }

    /// A freshly initialised model (Kaiming-normal weights, zero bias).
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for sizes below 1
    ///   or a learning rate that is not positive.
    public init(features: Int, costs: Int, learningRate: Float, seed: UInt64) throws(ExampleError) {
        guard learningRate > 0, learningRate.isFinite else {
            throw ExampleError(.invalidArgument, "the learning rate must be > 0 (got \(learningRate))")
        }
        var generator = SeededGenerator(seed: seed, stream: [0x11AE])
        let dense: Dense
        do {
            dense = try Dense(inputSize: features, outputSize: costs, using: &generator)
        } catch {
            throw ExampleError(.invalidArgument, "\(error)")
        }
        template = dense
        featureCount = features
        costCount = costs
        self.learningRate = learningRate
        let weight = dense.weight.scalars
        var transposed = [Float](repeating: 0, count: weight.count)
        for j in 0..<costs {
            for i in 0..<features { transposed[i * costs + j] = weight[j * features + i] }
        }
        weights = transposed
        bias = dense.bias.scalars
        weightMoments = ([Float](repeating: 0, count: weights.count), [Float](repeating: 0, count: weights.count))
        biasMoments = ([Float](repeating: 0, count: costs), [Float](repeating: 0, count: costs))
    }

    /// ĉ for every row of `features`.
    ///
    /// - Throws: ``ExampleError`` of kind `.shapeMismatch` for the wrong width.
    public func predict(_ features: Matrix) throws(ExampleError) -> Matrix {
        try checkFeatures(features)
        let (p, d) = (featureCount, costCount)
        var output = [Float](repeating: 0, count: features.rows * d)
        output.withUnsafeMutableBufferPointer { output in
            features.values.withUnsafeBufferPointer { x in
                weights.withUnsafeBufferPointer { w in
                    bias.withUnsafeBufferPointer { b in
                        for r in 0..<features.rows {
                            let out = output.baseAddress! + r * d
                            for j in 0..<d { out[j] = b[j] }
                            for i in 0..<p {
                                let xi = x[r * p + i], row = w.baseAddress! + i * d
                                for j in 0..<d { out[j] += xi * row[j] }
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: features.rows, columns: d, values: output)
    }

    /// One Adam step along the gradient of the loss with respect to the predictions.
    ///
    /// - Throws: ``ExampleError`` of kind `.shapeMismatch` when the shapes
    ///   disagree or the gradient is not finite (nothing is changed then).
    public mutating func step(features: Matrix, costGradient: Matrix) throws(ExampleError) {
        try checkFeatures(features)
        let (p, d) = (featureCount, costCount)
        guard costGradient.isConsistent, costGradient.rows == features.rows, costGradient.columns == d else {
            throw ExampleError(.shapeMismatch,
                                           "∂L/∂ĉ is \(costGradient.rows) × \(costGradient.columns); expected \(features.rows) × \(d)")
        }
        if let bad = costGradient.firstNonFiniteIndex {
            throw ExampleError(.shapeMismatch, "∂L/∂ĉ[\(bad)] = \(costGradient.values[bad]) is not finite")
        }
        // ∂L/∂Wᵀ[i, j] = Σ_r x[r, i] g[r, j] and ∂L/∂b[j] = Σ_r g[r, j].
        var weightGradient = [Float](repeating: 0, count: p * d)
        var biasGradient = [Float](repeating: 0, count: d)
        weightGradient.withUnsafeMutableBufferPointer { gw in
            biasGradient.withUnsafeMutableBufferPointer { gb in
                features.values.withUnsafeBufferPointer { x in
                    costGradient.values.withUnsafeBufferPointer { g in
                        for r in 0..<features.rows {
                            let gr = g.baseAddress! + r * d
                            for j in 0..<d { gb[j] += gr[j] }
                            for i in 0..<p {
                                let xi = x[r * p + i], row = gw.baseAddress! + i * d
                                for j in 0..<d { row[j] += xi * gr[j] }
                            }
                        }
                    }
                }
            }
        }
        updates += 1
        let correction1 = 1 - powf(Self.beta1, Float(updates)), correction2 = 1 - powf(Self.beta2, Float(updates))
        Self.adam(&weights, &weightMoments, gradient: weightGradient, stepSize: learningRate / correction1,
                  correction2: correction2)
        Self.adam(&bias, &biasMoments, gradient: biasGradient, stepSize: learningRate / correction1,
                  correction2: correction2)
    }

    /// One Adam update of `parameters` (TensorLayers' `Adam` without weight decay).
    private static func adam(_ parameters: inout [Float], _ moments: inout (first: [Float], second: [Float]),
                             gradient: [Float], stepSize: Float, correction2: Float) {
        let (beta1, beta2, epsilon) = (Self.beta1, Self.beta2, Self.epsilon)
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            moments.first.withUnsafeMutableBufferPointer { m in
                moments.second.withUnsafeMutableBufferPointer { v in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0..<count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            // `squareRoot()` is the correctly rounded hardware square root, like `sqrtf`.
                            p[i] -= stepSize * m[i] / ((v[i] / correction2).squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }

    /// Throws `.shapeMismatch` unless `features` is consistent and has p columns.
    private func checkFeatures(_ features: Matrix) throws(ExampleError) {
        guard features.isConsistent, features.columns == featureCount else {
            throw ExampleError(.shapeMismatch,
                                           "features are \(features.rows) × \(features.columns); the model expects \(featureCount) columns")
        }
    }
}
