import _Differentiation
import DifferentiableSolvers
import TensorLayers

/// The NRI decoder with a learned interaction per edge type (Kipf et al. 2018): predicts
/// the positions at frame t + 1 from those at frame t and the sampled tree z.
///
/// Receiver i gets from every sender j the message m_ij = f(p_ij) + z_ij · g(p_ij), where
/// p_ij are the pair features of ``DecoderInput``: f is the interaction every pair has
/// (Fruchterman–Reingold repulsion), g the extra one along tree edges (attraction). The
/// messages are averaged per receiver, and x_i(t + 1) = x_i(t) + u([x_i(t), m̄_i]).
/// The likelihood is Gaussian with a fixed variance (5 · 10⁻⁵ in the reference).
///
/// ```swift
/// let predicted = decoder(input, edges: z)     // z: [R, 45] → [R · (T − 1) · n, 2]
/// let nll = decoder.negativeLogLikelihood(input, edges: z, variance: 5e-5)
/// ```
public struct InteractionDecoder: ParameterizedModel, Sendable {
    /// The interaction of every pair.
    public var pairMessage: TwoLayerPerceptron
    /// The additional interaction of pairs joined by a tree edge.
    public var edgeMessage: TwoLayerPerceptron
    /// Maps [position, mean message] to a hidden update.
    public var update: TwoLayerPerceptron
    /// The position change.
    public var readout: Dense
    @noDerivative public let directedExpansion: Tensor
    @noDerivative public let hiddenOnes: Tensor
    @noDerivative public let vertexCount: Int

    /// A decoder for `graph` with `hiddenSize` units per layer.
    ///
    /// - Throws: ``LatentGraphsError`` for sizes below 1.
    public init(graph: CompleteGraph, hiddenSize: Int, using generator: inout SeededGenerator) throws(LatentGraphsError) {
        let h = hiddenSize, features = DecoderInput.pairFeatureCount
        pairMessage = try TwoLayerPerceptron(inputSize: features, hiddenSize: h, outputSize: h, using: &generator)
        edgeMessage = try TwoLayerPerceptron(inputSize: features, hiddenSize: h, outputSize: h, using: &generator)
        update = try TwoLayerPerceptron(inputSize: 2 + h, hiddenSize: h, outputSize: h, using: &generator)
        var expansion = [Float](repeating: 0, count: graph.edgeCount * graph.directedCount)
        for (d, edge) in graph.directed.enumerated() { expansion[edge.edge * graph.directedCount + d] = 1 }
        do {
            readout = try Dense(inputSize: h, outputSize: 2, using: &generator)
            directedExpansion = try Tensor(shape: [graph.edgeCount, graph.directedCount], scalars: expansion)
            hiddenOnes = try Tensor(repeating: 1, shape: [1, h])
        } catch {
            throw LatentGraphsError("cannot build the decoder: \(error)")
        }
        vertexCount = graph.vertexCount
    }

    /// The predicted next positions, [R · (T − 1) · n, 2], for edge indicators `edges` [R, E].
    @differentiable(reverse, wrt: (self, edges))
    public func callAsFunction(_ input: DecoderInput, edges: Tensor) -> Tensor {
        let rows = input.rows, steps = input.steps, n = vertexCount
        let directedCount = directedExpansion.shape[1], hidden = hiddenOnes.shape[1]
        let directed = matmul(edges, directedExpansion)                                    // [R, D]
        let repeated = matmul(reshape(directed, to: [rows * directedCount, 1]), input.stepOnes)  // [R·D, T−1]
        let perStep = transpose(reshape(repeated, to: [rows, directedCount, steps]), permutation: [0, 2, 1])
        let gate = matmul(reshape(perStep, to: [rows * steps * directedCount, 1]), hiddenOnes)
        let messages = pairMessage(input.pairs) + gate * edgeMessage(input.pairs)
        let received = mean(reshape(messages, to: [rows * steps * n, n - 1, hidden]), alongAxis: 1)
        let change = readout(update(concatenate([input.current, received], alongAxis: 1)))
        return input.current + change
    }

    /// Σ over rows, steps, vertices and coordinates of (x̂ − x)² / (2σ²), divided by n: the
    /// reference's Gaussian negative log-likelihood (without its constant), summed over the
    /// R rows.
    @differentiable(reverse, wrt: (self, edges))
    public func negativeLogLikelihood(_ input: DecoderInput, edges: Tensor, variance: Float) -> Float {
        let error = self(input, edges: edges) - input.next
        return sum(error * error) / (2 * variance * Float(vertexCount))
    }

    /// The negative log-likelihood of each of the R rows.
    public func rowNegativeLogLikelihoods(_ input: DecoderInput, edges: Tensor, variance: Float) -> [Float] {
        let error = (self(input, edges: edges) - input.next).scalars
        let block = error.count / input.rows
        return (0..<input.rows).map { row in
            var total: Float = 0
            for value in error[(row * block)..<((row + 1) * block)] { total += value * value }
            return total / (2 * variance * Float(vertexCount))
        }
    }

    public static var parameters: [ModelParameter<InteractionDecoder>] {
        ModelParameter.nested("pairMessage", \.pairMessage, \.pairMessage)
            + ModelParameter.nested("edgeMessage", \.edgeMessage, \.edgeMessage)
            + ModelParameter.nested("update", \.update, \.update)
            + ModelParameter.nested("readout", \.readout, \.readout)
    }
}
