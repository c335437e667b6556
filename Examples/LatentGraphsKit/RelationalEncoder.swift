import _Differentiation
import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

/// The NRI encoder (Kipf et al. 2018, factor-graph variant) over the complete graph,
/// producing one score θ_e per undirected edge: the location of the Gumbel distribution of
/// the edge weight whose maximum spanning tree is the latent graph.
///
/// vertex trajectories → h_v; edge e = {i, j}: h_e = f(h_i + h_j, g(relative trajectory));
/// a round of edge → vertex → edge message passing: v_i = mean over i's edges, h'_e =
/// f'(v'_i + v'_j, h_e); θ_e = w · h'_e + b.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let encoder = try RelationalEncoder(graph: graph, timesteps: 10, hiddenSize: 64, using: &rng)
/// let theta = encoder(input)   // [B, 45]
/// ```
public struct RelationalEncoder: ParameterizedModel, Sendable {
    /// Embeds each vertex's trajectory.
    public var vertexNet: TwoLayerPerceptron
    /// Embeds each edge's relative trajectory.
    public var pairNet: TwoLayerPerceptron
    /// Combines endpoint and pair embeddings into an edge embedding.
    public var edgeNet: TwoLayerPerceptron
    /// Transforms the mean of a vertex's edge embeddings.
    public var factorNet: TwoLayerPerceptron
    /// The second edge embedding, from the factor round and a skip connection.
    public var outputNet: TwoLayerPerceptron
    /// One score per edge.
    public var readout: Dense
    /// Sums the two endpoint embeddings of every edge.
    @noDerivative public let endpoints: IncidenceMap
    /// Averages the embeddings of a vertex's edges.
    @noDerivative public let incident: IncidenceMap
    /// The number of undirected edges E.
    @noDerivative public let edgeCount: Int

    /// An encoder for trajectories of `timesteps` frames on `graph`.
    ///
    /// - Throws: ``ExampleError`` for sizes below 1.
    public init(graph: CompleteGraph, timesteps: Int, hiddenSize: Int, using generator: inout SeededGenerator) throws(ExampleError) {
        let h = hiddenSize
        vertexNet = try TwoLayerPerceptron(inputSize: 2 * timesteps, hiddenSize: h, outputSize: h, using: &generator)
        pairNet = try TwoLayerPerceptron(inputSize: 3 * timesteps, hiddenSize: h, outputSize: h, using: &generator)
        edgeNet = try TwoLayerPerceptron(inputSize: 2 * h, hiddenSize: h, outputSize: h, using: &generator)
        factorNet = try TwoLayerPerceptron(inputSize: h, hiddenSize: h, outputSize: h, using: &generator)
        outputNet = try TwoLayerPerceptron(inputSize: 2 * h, hiddenSize: h, outputSize: h, using: &generator)
        do { readout = try Dense(inputSize: h, outputSize: 1, using: &generator) } catch {
            throw ExampleError("cannot build the encoder readout: \(error)")
        }
        endpoints = .endpointSum(graph)
        incident = .incidentMean(graph)
        edgeCount = graph.edgeCount
    }

    /// The edge scores θ, [B, E].
    @differentiable(reverse)
    public func callAsFunction(_ input: EncoderInput) -> Tensor {
        let batch = input.batchSize, edges = edgeCount
        let vertices = vertexNet(input.vertices)
        let vertexShape = withoutDerivative(at: vertices).shape
        let hidden = vertexShape[1], n = vertexShape[0] / batch
        let endpointSum = reshape(endpoints(reshape(vertices, to: [batch, n, hidden])), to: [batch * edges, hidden])
        let edge = edgeNet(concatenate([endpointSum, pairNet(input.pairs)], alongAxis: 1))
        let gathered = incident(reshape(edge, to: [batch, edges, hidden]))
        let factor = factorNet(reshape(gathered, to: [batch * n, hidden]))
        let factorSum = reshape(endpoints(reshape(factor, to: [batch, n, hidden])), to: [batch * edges, hidden])
        let refined = outputNet(concatenate([factorSum, edge], alongAxis: 1))
        return reshape(readout(refined), to: [batch, edges])
    }

    /// The trainable tensors, in a fixed order.
    public static var parameters: [ModelParameter<RelationalEncoder>] {
        ModelParameter.nested("vertexNet", \.vertexNet, \.vertexNet)
            + ModelParameter.nested("pairNet", \.pairNet, \.pairNet)
            + ModelParameter.nested("edgeNet", \.edgeNet, \.edgeNet)
            + ModelParameter.nested("factorNet", \.factorNet, \.factorNet)
            + ModelParameter.nested("outputNet", \.outputNet, \.outputNet)
            + ModelParameter.nested("readout", \.readout, \.readout)
    }
}
