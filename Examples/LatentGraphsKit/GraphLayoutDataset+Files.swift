import Foundation
import NumPyFormat
import _ExampleSupport

extension GraphLayoutDataset {
    /// Writes `data_<split>.npy` (float32 [count, T, n, 2] positions) and `edges_<split>.npy`
    /// (float32 [count, n, n] symmetric adjacency, the reference data's edge format).
    ///
    /// - Throws: ``ExampleError`` when a file cannot be written.
    public func write(to directory: URL, split: String) throws(ExampleError) {
        let graph = try CompleteGraph(vertexCount: vertexCount)
        var adjacency: [Float] = []
        adjacency.reserveCapacity(count * vertexCount * vertexCount)
        for index in 0..<count {
            adjacency += graph.adjacency(of: tree(of: index)).map { $0 ? 1 : 0 }
        }
        do {
            try NumPyArray(shape: [count, timesteps, vertexCount, 2], elements: .float32(trajectories))
                .write(to: directory.appendingPathComponent("data_\(split).npy"))
            try NumPyArray(shape: [count, vertexCount, vertexCount], elements: .float32(adjacency))
                .write(to: directory.appendingPathComponent("edges_\(split).npy"))
        } catch {
            throw ExampleError("cannot write the \(split) split to \(directory.path): \(error)")
        }
    }

    /// Reads the split written by ``write(to:split:)``.
    ///
    /// - Throws: ``ExampleError`` for missing or malformed files.
    public init(directory: URL, split: String) throws(ExampleError) {
        let data: NumPyArray, edges: NumPyArray
        do {
            data = try NumPyArray(contentsOf: directory.appendingPathComponent("data_\(split).npy"))
            edges = try NumPyArray(contentsOf: directory.appendingPathComponent("edges_\(split).npy"))
        } catch {
            throw ExampleError("cannot read the \(split) split from \(directory.path): \(error)")
        }
        guard data.shape.count == 4, data.shape[3] == 2, edges.shape.count == 3,
              edges.shape[0] == data.shape[0], edges.shape[1] == data.shape[2], edges.shape[2] == data.shape[2] else {
            throw ExampleError("the \(split) split has shapes \(data.shape) and \(edges.shape); "
                                    + "expected [count, T, n, 2] and [count, n, n]")
        }
        let n = data.shape[2]
        let graph = try CompleteGraph(vertexCount: n)
        let adjacency: [Float], positions: [Float]
        do {
            adjacency = try edges.floatValues()
            positions = try data.floatValues()
        } catch {
            throw ExampleError("the \(split) split is not floating point: \(error)")
        }
        var trees: [Float] = []
        trees.reserveCapacity(data.shape[0] * graph.edgeCount)
        for index in 0..<data.shape[0] {
            for pair in graph.undirected { trees.append(adjacency[index * n * n + pair.first * n + pair.second]) }
        }
        try self.init(vertexCount: n, timesteps: data.shape[1], trajectories: positions, trees: trees)
    }
}
