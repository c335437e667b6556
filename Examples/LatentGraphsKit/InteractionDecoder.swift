import _Differentiation
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// The NRI decoder with a learned interaction per edge type (Kipf et al. 2018): predicts
/// the positions at frame t + 1 from those at frame t and the sampled tree z.
///
/// Receiver i gets from every sender j the message m_ij = f(p_ij) + z_ij · g(p_ij): f is the
/// interaction every pair has (Fruchterman–Reingold repulsion), g the extra one along tree
/// edges (attraction). The pair features p_ij are u = x_j − x_i and d = ‖u‖ shaped like the
/// two forces, (u, d, u·d, u/(d² + 0.01)), computed from the current (possibly predicted)
/// positions. Messages are averaged per receiver, and x_i(t + 1) = x_i(t) + r([x_i(t), m̄_i]).
/// The likelihood is Gaussian with a fixed variance (5 · 10⁻⁵ in the reference).
///
/// ```swift
/// let nll = decoder.negativeLogLikelihood(input, edges: z, variance: 5e-5)   // z: [R, 45]
/// ```
public struct InteractionDecoder: ParameterizedModel, Sendable {
    /// The number of pair features.
    public static let pairFeatureCount = 7
    /// The interaction of every pair.
    public var pairMessage: TwoLayerPerceptron
    /// The additional interaction of pairs joined by a tree edge.
    public var edgeMessage: TwoLayerPerceptron
    /// Maps [position, mean message] to a hidden update.
    public var update: TwoLayerPerceptron
    /// The position change.
    public var readout: Dense
    /// Copies each undirected edge indicator to its two directed edges, [E, D].
    @noDerivative public let directedExpansion: Tensor
    /// x_sender − x_receiver for every directed edge, [D, n].
    @noDerivative public let relative: IncidenceMap
    /// Ones [1, H], to broadcast the edge gate over the hidden units.
    @noDerivative public let hiddenOnes: Tensor
    /// Ones [2, 1], to sum the two coordinates.
    @noDerivative public let coordinateSum: Tensor
    /// Ones [1, 2], to copy a column to both coordinates.
    @noDerivative public let coordinateCopy: Tensor
    /// The number of vertices n.
    @noDerivative public let vertexCount: Int

    /// A decoder for `graph` with `hiddenSize` units per layer.
    ///
    /// - Throws: ``ExampleError`` for sizes below 1.
    public init(graph: CompleteGraph, hiddenSize: Int, using generator: inout SeededGenerator) throws(ExampleError) {
        let h = hiddenSize, features = Self.pairFeatureCount
        pairMessage = try TwoLayerPerceptron(inputSize: features, hiddenSize: h, outputSize: h, using: &generator)
        // The tree-edge interaction starts at zero (with a linear output, so it still learns):
        // a random initial g would make ∂L/∂z favour whatever pairs g happens to shout
        // loudest about — typically long ones, whose features are large — and encoder and
        // decoder can lock into such a code (a tree of long edges, precision below chance).
        // Starting from g = 0, g first learns the effect that the sampled edges that happen to
        // be true have in common: attraction.
        edgeMessage = try TwoLayerPerceptron(inputSize: features, hiddenSize: h, outputSize: h, rectifiesOutput: false,
                                             zeroOutput: true, using: &generator)
        update = try TwoLayerPerceptron(inputSize: 2 + h, hiddenSize: h, outputSize: h, using: &generator)
        var expansion = [Float](repeating: 0, count: graph.edgeCount * graph.directedCount)
        for (d, edge) in graph.directed.enumerated() { expansion[edge.edge * graph.directedCount + d] = 1 }
        do {
            readout = try Dense(inputSize: h, outputSize: 2, using: &generator)
            // Zero-initialised, so an untrained decoder predicts "no move" and its k-step
            // rollouts cannot blow up before training has started.
            readout.weight = try Tensor(repeating: 0, shape: [2, h])
            directedExpansion = try Tensor(shape: [graph.edgeCount, graph.directedCount], scalars: expansion)
            hiddenOnes = try Tensor(repeating: 1, shape: [1, h])
            coordinateSum = try Tensor(repeating: 1, shape: [2, 1])
            coordinateCopy = try Tensor(repeating: 1, shape: [1, 2])
        } catch {
            throw ExampleError("cannot build the decoder: \(error)")
        }
        relative = IncidenceMap(rows: graph.directed.map { edge in
            (0..<graph.vertexCount).map { $0 == edge.sender ? 1 : ($0 == edge.receiver ? -1 : 0) }
        })
        vertexCount = graph.vertexCount
    }

    /// The per-directed-edge gate z_ij broadcast to the hidden width, repeated for each of
    /// the `startCount` starts: [R, E] → [R · c · D, H].
    @differentiable(reverse, wrt: edges)
    func gate(_ edges: Tensor, startOnes: Tensor) -> Tensor {
        let rows = withoutDerivative(at: edges).shape[0], starts = startOnes.shape[1]
        let directedCount = directedExpansion.shape[1]
        let directed = matmul(edges, directedExpansion)                                        // [R, D]
        let repeated = matmul(reshape(directed, to: [rows * directedCount, 1]), startOnes)     // [R·D, c]
        let perStart = transpose(reshape(repeated, to: [rows, directedCount, starts]), permutation: [0, 2, 1])
        return matmul(reshape(perStart, to: [rows * starts * directedCount, 1]), hiddenOnes)
    }

    /// One step: positions [M · n, 2] → predicted next positions, with `gate` [M · D, H].
    @differentiable(reverse, wrt: (self, positions, gate))
    public func step(_ positions: Tensor, gate: Tensor) -> Tensor {
        let n = vertexCount, instances = withoutDerivative(at: positions).shape[0] / n
        let directedCount = relative.matrix.shape[0], hidden = hiddenOnes.shape[1]
        let u = reshape(relative(reshape(positions, to: [instances, n, 2])), to: [instances * directedCount, 2])
        let squared = matmul(u * u, coordinateSum)                                   // [M·D, 1]
        let distance = smoothSquareRoot(squared)
        let features = concatenate([u, distance, u * matmul(distance, coordinateCopy),
                                    u * matmul(softenedReciprocal(squared), coordinateCopy)], alongAxis: 1)
        let messages = pairMessage(features) + gate * edgeMessage(features)
        let received = mean(reshape(messages, to: [instances * n, n - 1, hidden]), alongAxis: 1)
        return positions + readout(update(concatenate([positions, received], alongAxis: 1)))
    }

    /// Σ over steps, rows, vertices and coordinates of (x̂ − x)² / (2σ²), divided by n: the
    /// reference's Gaussian negative log-likelihood (without its constant), summed over the
    /// R rows.
    @differentiable(reverse, wrt: (self, edges))
    public func negativeLogLikelihood(_ input: DecoderInput, edges: Tensor, variance: Float) -> Float {
        let gates = gate(edges, startOnes: input.startOnes)
        var current = input.starts
        var total: Float = 0
        for index in 0..<withoutDerivative(at: input.targets.count) {
            current = step(current, gate: gates)
            var error = current - input.targets[index]
            if let mask = input.targetMasks[index] { error = error * mask }
            total = total + sum(error * error)
        }
        return total / (2 * variance * Float(vertexCount))
    }

    /// The negative log-likelihood of each of the R rows.
    public func rowNegativeLogLikelihoods(_ input: DecoderInput, edges: Tensor, variance: Float) -> [Float] {
        let gates = gate(edges, startOnes: input.startOnes)
        var current = input.starts
        var totals = [Float](repeating: 0, count: input.rows)
        for (target, mask) in zip(input.targets, input.targetMasks) {
            current = step(current, gate: gates)
            var difference = current - target
            if let mask { difference = difference * mask }
            let error = difference.scalars
            let block = error.count / input.rows
            for row in 0..<input.rows {
                for value in error[(row * block)..<((row + 1) * block)] { totals[row] += value * value }
            }
        }
        return totals.map { $0 / (2 * variance * Float(vertexCount)) }
    }

    /// The trainable tensors, in a fixed order.
    public static var parameters: [ModelParameter<InteractionDecoder>] {
        ModelParameter.nested("pairMessage", \.pairMessage, \.pairMessage)
            + ModelParameter.nested("edgeMessage", \.edgeMessage, \.edgeMessage)
            + ModelParameter.nested("update", \.update, \.update)
            + ModelParameter.nested("readout", \.readout, \.readout)
    }
}
