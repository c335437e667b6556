import DifferentiableSolvers
import Testing
@testable import WarcraftShortestPathKit

@Suite("Counting the cheapest paths of a map")
struct OptimalPathCountTests {
    /// Against brute force: every simple 8-connected path from corner to corner of a 3 × 3
    /// grid, with costs drawn from the dataset's five values so that ties are common.
    @Test(arguments: 0..<40)
    func count_matches_enumeration_of_all_simple_paths(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let values = TerrainType.allCases.map(\.cost)
        let costs = (0..<9).map { _ in values[Int.random(in: 0..<values.count, using: &generator)] }
        var best = Double.infinity, ties = 0.0
        func walk(_ cell: Int, _ cost: Double, _ visited: Set<Int>) {
            if cell == 8 {
                if best.isFinite, abs(cost - best) <= 1e-6 * best { ties += 1 } else if cost < best { best = cost; ties = 1 }
                return
            }
            for dr in -1...1 {
                for dc in -1...1 where dr != 0 || dc != 0 {
                    let r = cell / 3 + dr, c = cell % 3 + dc
                    guard (0..<3).contains(r), (0..<3).contains(c), !visited.contains(r * 3 + c) else { continue }
                    walk(r * 3 + c, cost + Double(costs[r * 3 + c]), visited.union([r * 3 + c]))
                }
            }
        }
        walk(0, Double(costs[0]), [0])
        #expect(OptimalPathCount.count(costs: costs, gridSize: 3) == ties, "costs \(costs)")
    }

    /// A uniform 2 × 2 or 3 × 3 grid has one cheapest path, the diagonal; a 3 × 3 grid with an
    /// expensive centre has two, 0-1-5-8 and 0-3-7-8 (cost 4; 0-1-2-5-8 costs 5).
    @Test func small_grids_by_hand() {
        #expect(OptimalPathCount.count(costs: [Float](repeating: 1, count: 4), gridSize: 2) == 1)
        #expect(OptimalPathCount.count(costs: [Float](repeating: 1, count: 9), gridSize: 3) == 1)
        #expect(OptimalPathCount.count(costs: [1, 1, 1, 1, 9, 1, 1, 1, 1], gridSize: 3) == 2)
    }

    /// With `uniqueOptimum` every map has exactly one cheapest path, its label; maps that had
    /// one already are the same as without the option (attempt 0 uses the same stream).
    @Test func generator_keeps_only_maps_with_a_unique_optimum() throws {
        let plain = try WarcraftGenerator(gridSize: 6, seed: 9).makeDataset(count: 30)
        let unique = try WarcraftGenerator(gridSize: 6, seed: 9, uniqueOptimum: true).makeDataset(count: 30)
        #expect(OptimalPathCount.uniqueShare(unique) == 1)
        #expect(OptimalPathCount.uniqueShare(plain) < 1, "the test needs some maps with ties")
        for index in 0..<30 where OptimalPathCount.count(costs: plain.weights(index), gridSize: 6) == 1 {
            #expect(plain.weights(index) == unique.weights(index))
            #expect(plain.path(index) == unique.path(index))
        }
    }
}
