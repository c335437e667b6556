import DifferentiableSolvers
@testable import GraphCutSolver
import Testing

@Suite("The max-flow shim")
struct MaxflowNetworkTests {
    /// Cormen et al., Introduction to Algorithms, Figure 26.1: maximum flow 23, minimum cut
    /// ({s, v1, v2, v4}, {v3, t}). Nodes v1…v4 are 0…3.
    @Test("the textbook network")
    func textbookNetwork() throws {
        let network = try MaxflowNetwork(nodeCount: 4, edgeCountHint: 5)
        try network.addTerminalCapacities(node: 0, source: 16, sink: 0)
        try network.addTerminalCapacities(node: 1, source: 13, sink: 0)
        try network.addTerminalCapacities(node: 2, source: 0, sink: 20)
        try network.addTerminalCapacities(node: 3, source: 0, sink: 4)
        try network.addEdge(from: 0, to: 1, capacity: 10, reverseCapacity: 4)
        try network.addEdge(from: 0, to: 2, capacity: 12, reverseCapacity: 0)
        try network.addEdge(from: 2, to: 1, capacity: 9, reverseCapacity: 0)
        try network.addEdge(from: 1, to: 3, capacity: 14, reverseCapacity: 0)
        try network.addEdge(from: 3, to: 2, capacity: 7, reverseCapacity: 0)
        #expect(try network.solve() == 23)
        var sides: [UInt8] = []
        try network.readSourceSide(into: &sides)
        #expect(sides.map(MaxflowNetwork.isSourceSide) == [true, true, false, true])

        // Reset keeps the nodes and forgets the arcs.
        try network.reset()
        #expect(try network.solve() == 0)
    }

    @Test("terminal capacities accumulate and are netted")
    func terminalCapacities() throws {
        let network = try MaxflowNetwork(nodeCount: 2, edgeCountHint: 0)
        try network.addTerminalCapacities(node: 0, source: 5, sink: 1)
        try network.addTerminalCapacities(node: 0, source: 0, sink: 2)   // s→0: 5, 0→t: 3
        try network.addTerminalCapacities(node: 1, source: 1, sink: 1.5)
        #expect(try network.solve() == 4)
        var sides: [UInt8] = []
        try network.readSourceSide(into: &sides)
        #expect(sides.map(MaxflowNetwork.isSourceSide) == [true, false])
    }

    @Test("bulk calls build the same network and reject bad entries atomically")
    func bulkCalls() throws {
        let network = try MaxflowNetwork(nodeCount: 3, edgeCountHint: 2)
        try network.addTerminalCapacities(source: [4, 0, 1], sink: [0, 3, 1])
        try network.addSymmetricEdges(from: [0, 1], to: [1, 2], capacities: [2, 5])
        // s→0 (4) → 1 (2) → t (3): 2; node 2 nets to zero but sends 1 straight through.
        #expect(try network.solve() == 3)

        func failure(_ body: () throws -> Void) -> SolverError? {
            do { try body(); return nil } catch { return error as? SolverError }
        }
        let badEdge = failure { try network.addSymmetricEdges(from: [0, 2, 1], to: [2, 2, 0], capacities: [1, 1, 1]) }
        #expect(badEdge?.kind == .invalidStructure)
        #expect(badEdge?.index == 1)
        let badCapacity = failure { try network.addTerminalCapacities(source: [0, -1, 0], sink: [0, 0, 0]) }
        #expect(badCapacity?.kind == .parameterOutOfDomain)
        #expect(badCapacity?.index == 1)
        #expect(failure { try network.addTerminalCapacities(source: [0, 0], sink: [0, 0]) }?.kind == .libraryFailure)
        // Nothing of the rejected calls was added.
        #expect(try network.solve() == 3)
    }

    @Test("invalid calls are reported, not crashed on")
    func invalidCalls() throws {
        let network = try MaxflowNetwork(nodeCount: 3, edgeCountHint: 1)
        func kind(_ body: () throws -> Void) -> SolverError.Kind? {
            do { try body(); return nil } catch { return (error as? SolverError)?.kind }
        }
        #expect(kind { try network.addEdge(from: 0, to: 3, capacity: 1, reverseCapacity: 1) } == .invalidStructure)
        #expect(kind { try network.addEdge(from: -1, to: 0, capacity: 1, reverseCapacity: 1) } == .invalidStructure)
        #expect(kind { try network.addEdge(from: 1, to: 1, capacity: 1, reverseCapacity: 1) } == .invalidStructure)
        #expect(kind { try network.addEdge(from: 0, to: 1, capacity: -1, reverseCapacity: 1) } == .parameterOutOfDomain)
        #expect(kind { try network.addEdge(from: 0, to: 1, capacity: 1, reverseCapacity: .nan) } == .parameterOutOfDomain)
        #expect(kind { try network.addTerminalCapacities(node: 5, source: 1, sink: 0) } == .invalidStructure)
        #expect(kind { try network.addTerminalCapacities(node: 0, source: .infinity, sink: 0) } == .parameterOutOfDomain)
        var sides: [UInt8] = []
        #expect(kind { try network.readSourceSide(into: &sides) } == .libraryFailure)   // not solved yet
        #expect(kind { _ = try MaxflowNetwork(nodeCount: -1, edgeCountHint: 0) } == .libraryFailure)
        #expect(kind { _ = try MaxflowNetwork(nodeCount: Int(Int32.max) + 1, edgeCountHint: 0) } == .invalidStructure)
    }
}
