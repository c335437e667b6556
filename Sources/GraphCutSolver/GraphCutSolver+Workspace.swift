import DifferentiableSolvers

extension GraphCutSolver {
    /// Scratch memory of one worker: the max-flow network (made on the first solve and
    /// refilled afterwards) and per-node buffers.
    public struct Workspace {
        var network: MaxflowNetwork?
        var unaryCoefficients: [Double] = []
        var sourceCapacities: [Double] = []
        var halfWeights: [Double] = []
        var sides: [UInt8] = []
    }

    /// A fresh workspace; the network inside it is allocated by the first solve.
    public func makeWorkspace() -> Workspace { Workspace() }
}

extension GraphCutSolver.Workspace {
    /// Moves the buffer at `path` out of the workspace (so that writing it does not copy),
    /// sized to `count`; the caller puts it back when done.
    mutating func takeBuffer(_ path: WritableKeyPath<Self, [Double]>, count: Int) -> [Double] {
        var buffer: [Double] = []
        swap(&buffer, &self[keyPath: path])
        if buffer.count != count { buffer = [Double](repeating: 0, count: count) }
        return buffer
    }

    /// The network of this worker, emptied and ready to be filled.
    mutating func preparedNetwork(nodeCount: Int, edgeCount: Int) throws(SolverError) -> MaxflowNetwork {
        if let network, network.nodeCount == nodeCount {
            try network.reset()
            return network
        }
        let fresh = try MaxflowNetwork(nodeCount: nodeCount, edgeCountHint: edgeCount)
        network = fresh
        return fresh
    }
}
