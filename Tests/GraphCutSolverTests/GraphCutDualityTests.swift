import DifferentiableSolvers
import GraphCutSolver
import Testing
import _TestSupport

@Suite("Strong duality on a large grid")
struct GraphCutDualityTests {
    /// A 64 × 64 4-connected grid with unaries U(−0.5, 0.5) and weights U(0, 0.5).
    static func gridInstance(seed: UInt64, connectivity: GridConnectivity) throws -> (GraphCutSolver, [Float]) {
        let solver = try GraphCutSolver(gridRows: 64, columns: 64, connectivity: connectivity)
        var rng = SeededGenerator(seed: seed)
        let unaries = (0..<solver.nodeCount).map { _ in Float.random(in: -0.5..<0.5, using: &rng) }
        let weights = (0..<solver.edgeCount).map { _ in Float.random(in: 0..<0.5, using: &rng) }
        return (solver, unaries + weights)
    }

    @Test("the labelling's energy equals offset + max-flow to 1e-9", arguments: [GridConnectivity.four, .eight])
    func energyEqualsMaximumFlow(connectivity: GridConnectivity) throws {
        let (solver, theta) = try Self.gridInstance(seed: 64, connectivity: connectivity)
        let certificate = try solver.minimumCut(theta: theta)
        // E(z) = −⟨z, θ⟩, evaluated from the definition in double precision.
        let energy = -zip(certificate.sufficientStatistics, theta).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let dual = certificate.energyOffset + certificate.maximumFlow
        #expect(abs(energy - dual) <= 1e-9 * max(abs(energy), abs(dual)), "energy \(energy), offset + flow \(dual)")
        #expect(certificate.maximumFlow > 0)
        let ones = certificate.labelling.filter { $0 == 1 }.count
        #expect(ones > 0 && ones < solver.nodeCount, "a non-trivial labelling")
    }

    @Test("no single flip improves the 64 × 64 labelling")
    func labellingIsLocallyOptimal() throws {
        let (solver, theta) = try Self.gridInstance(seed: 65, connectivity: .four)
        let z = try solver.solve(row: theta)
        let n = solver.nodeCount
        var gain = [Double](repeating: 0, count: n)   // f(z with zᵢ = 1) − f(z with zᵢ = 0)
        for i in 0..<n { gain[i] = Double(theta[i]) }
        for (k, edge) in solver.edges.enumerated() {
            gain[edge.first] += Double(theta[n + k]) * Double(z[edge.second])
            gain[edge.second] += Double(theta[n + k]) * Double(z[edge.first])
        }
        let improvable = (0..<n).filter { z[$0] == 1 ? gain[$0] < -1e-9 : gain[$0] > 1e-9 }
        #expect(improvable.isEmpty)
    }

    @Test("batched solves on two threads equal single solves")
    func batchMatchesSingleSolves() throws {
        let solver = try GraphCutSolver(gridRows: 12, columns: 9, connectivity: .eight)
        var rng = SeededGenerator(seed: 7)
        let rows = (0..<24).map { _ in
            (0..<solver.nodeCount).map { _ in Float.random(in: -1..<1, using: &rng) }
                + (0..<solver.edgeCount).map { _ in Float.random(in: 0..<0.6, using: &rng) }
        }
        let batch = try solver.solveBatch(Matrix(stacking: rows), parallelism: .threads(2))
        for (r, theta) in rows.enumerated() {
            #expect(batch.row(r) == (try solver.minimumCut(theta: theta)).sufficientStatistics, "row \(r)")
        }
    }
}
