import _Differentiation
import TensorLayers

/// A fixed linear map between the rows of batched feature tables, such as "sum the
/// features of an edge's two endpoints" or "average the features of a vertex's edges":
/// y[b] = M · x[b] for x of shape [B, m, F] and M of shape [k, m].
///
/// Differentiable in x through the tensor module's own operations (transpose, matmul).
///
/// ```swift
/// let endpoints = IncidenceMap.endpointSum(graph)   // [45, 10]
/// let edgeFeatures = endpoints(vertexFeatures)      // [B, 10, F] → [B, 45, F]
/// ```
public struct IncidenceMap: Sendable {
    /// The matrix M, [k, m].
    public let matrix: Tensor

    /// The map with matrix `rows` (k rows of m entries).
    public init(rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        // The shape always matches the scalars, so the initialiser cannot fail.
        matrix = (try? Tensor(shape: [rows.count, columns], scalars: Array(rows.joined()))) ?? .zero
    }

    /// M x[b] for every b: [B, m, F] → [B, k, F].
    @differentiable(reverse)
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let shape = withoutDerivative(at: x).shape
        let batch = shape[0], inner = shape[1], features = shape[2]
        let outer = matrix.shape[0]
        let columns = reshape(transpose(x, permutation: [1, 0, 2]), to: [inner, batch * features])
        let mapped = matmul(matrix, columns)
        return transpose(reshape(mapped, to: [outer, batch, features]), permutation: [1, 0, 2])
    }

    /// Edge e = {i, j} gets x_i + x_j: [E, n].
    public static func endpointSum(_ graph: CompleteGraph) -> IncidenceMap {
        IncidenceMap(rows: graph.undirected.map { pair in
            (0..<graph.vertexCount).map { $0 == pair.first || $0 == pair.second ? 1 : 0 }
        })
    }

    /// Vertex i gets the mean over its n − 1 edges: [n, E].
    public static func incidentMean(_ graph: CompleteGraph) -> IncidenceMap {
        let scale = 1 / Float(graph.vertexCount - 1)
        return IncidenceMap(rows: (0..<graph.vertexCount).map { vertex in
            graph.undirected.map { $0.first == vertex || $0.second == vertex ? scale : 0 }
        })
    }
}
