import CMaxflow
import DifferentiableSolvers

/// Owns one CMaxflow graph: the only place in the module that calls the C interface.
///
/// Every call checks the returned status and turns failures into `SolverError`; the rest
/// of the module sees a safe Swift type. A network is not thread-safe: each worker of a
/// batched solve owns its own (see ``GraphCutSolver/Workspace``).
final class MaxflowNetwork {
    private let handle: OpaquePointer
    /// Number of ordinary (non-terminal) nodes.
    let nodeCount: Int

    /// A network with `nodeCount` nodes, room reserved for `edgeCountHint` pairwise edges.
    init(nodeCount: Int, edgeCountHint: Int) throws(SolverError) {
        guard let nodes = Int32(exactly: nodeCount), let hint = Int32(exactly: edgeCountHint) else {
            throw SolverError(.invalidStructure,
                              "max-flow graphs are limited to \(Int32.max) nodes and edges")
        }
        var created: OpaquePointer?
        try Self.check(cmaxflow_create(nodes, hint, &created), while: "creating the graph")
        guard let created else {
            throw SolverError(.libraryFailure, "max-flow: creating the graph returned no handle")
        }
        self.handle = created
        self.nodeCount = nodeCount
    }

    deinit { cmaxflow_destroy(handle) }

    /// Removes all capacities and edges, keeping the memory for the next fill.
    func reset() throws(SolverError) {
        try Self.check(cmaxflow_reset(handle), while: "resetting the graph")
    }

    /// Adds c(s → `node`) += `source` and c(`node` → t) += `sink`.
    func addTerminalCapacities(node: Int, source: Double, sink: Double) throws(SolverError) {
        try Self.check(cmaxflow_add_terminal_capacities(handle, Int32(truncatingIfNeeded: node), source, sink),
                       while: "adding terminal capacities of node \(node)")
    }

    /// Adds arcs `from` → `to` with `capacity` and `to` → `from` with `reverseCapacity`.
    func addEdge(from: Int32, to: Int32, capacity: Double, reverseCapacity: Double) throws(SolverError) {
        try Self.check(cmaxflow_add_edge(handle, from, to, capacity, reverseCapacity),
                       while: "adding the edge \(from)–\(to)")
    }

    /// Adds edge k = `from[k]` – `to[k]` with `capacities[k]` in both directions, for all k.
    ///
    /// The arrays must have equal lengths; on failure nothing is added and the error's
    /// `index` names the first offending edge.
    func addSymmetricEdges(from: [Int32], to: [Int32], capacities: [Double]) throws(SolverError) {
        guard from.count == to.count, to.count == capacities.count, let count = Int32(exactly: from.count) else {
            throw SolverError(.libraryFailure, "max-flow: edge arrays of unequal or excessive lengths")
        }
        var badIndex: Int32 = -1
        let status = from.withUnsafeBufferPointer { first in
            to.withUnsafeBufferPointer { second in
                capacities.withUnsafeBufferPointer { capacity in
                    cmaxflow_add_edges(handle, count, first.baseAddress, second.baseAddress,
                                       capacity.baseAddress, capacity.baseAddress, &badIndex)
                }
            }
        }
        try Self.check(status, while: "adding edge \(badIndex)", index: badIndex)
    }

    /// Adds c(s → i) += `source[i]` and c(i → t) += `sink[i]` for every node i.
    ///
    /// On failure nothing is added and the error's `index` names the first offending node.
    func addTerminalCapacities(source: [Double], sink: [Double]) throws(SolverError) {
        guard source.count == sink.count, let count = Int32(exactly: source.count) else {
            throw SolverError(.libraryFailure, "max-flow: terminal capacity arrays of unequal lengths")
        }
        var badIndex: Int32 = -1
        let status = source.withUnsafeBufferPointer { sourceBuffer in
            sink.withUnsafeBufferPointer { sinkBuffer in
                cmaxflow_add_all_terminal_capacities(handle, count, sourceBuffer.baseAddress,
                                                     sinkBuffer.baseAddress, &badIndex)
            }
        }
        try Self.check(status, while: "adding terminal capacities of node \(badIndex)", index: badIndex)
    }

    /// Computes the maximum s–t flow and returns its value.
    func solve() throws(SolverError) -> Double {
        var flow = 0.0
        try Self.check(cmaxflow_solve(handle, &flow), while: "computing the maximum flow")
        return flow
    }

    /// Writes, for every node, whether it lies on the source side of the minimum cut.
    func readSourceSide(into sides: inout [UInt8]) throws(SolverError) {
        if sides.count != nodeCount { sides = [UInt8](repeating: 0, count: nodeCount) }
        let status = sides.withUnsafeMutableBufferPointer { buffer in
            cmaxflow_read_sides(handle, buffer.baseAddress, Int32(truncatingIfNeeded: buffer.count))
        }
        try Self.check(status, while: "reading the minimum cut")
    }

    /// Whether side code `side` (from ``readSourceSide(into:)``) means the source side.
    static func isSourceSide(_ side: UInt8) -> Bool {
        side == UInt8(CMAXFLOW_SOURCE_SIDE.rawValue)
    }

    /// Throws unless `status` is success; `operation` is only formatted on failure.
    @inline(__always)
    private static func check(
        _ status: cmaxflow_status, while operation: @autoclosure () -> String, index: Int32 = -1
    ) throws(SolverError) {
        guard status != CMAXFLOW_OK else { return }
        var error = SolverError(maxflowStatus: status, operation: operation())
        if index >= 0 { error.index = Int(index) }
        throw error
    }
}

extension SolverError {
    /// Maps a CMaxflow status code to the error kind a caller can act on.
    init(maxflowStatus status: cmaxflow_status, operation: String) {
        let kind: Kind
        switch status {
        case CMAXFLOW_INVALID_NODE, CMAXFLOW_TOO_LARGE: kind = .invalidStructure
        case CMAXFLOW_INVALID_CAPACITY: kind = .parameterOutOfDomain
        default: kind = .libraryFailure
        }
        let description = String(cString: cmaxflow_status_description(status))
        self.init(kind, "max-flow failed while \(operation): \(description)")
    }
}
