import Foundation
import CombinatorialSolvers
import Testing
@testable import WarcraftShortestPathKit
import _ExampleSupport

/// The generator against independent truth: its labels are cheapest paths by brute force
/// (small grids) and by Bellman–Ford relaxation (12 × 12), and its terrain is coherent.
@Suite struct WarcraftGeneratorTests {
    static let neighbours = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]

    /// The cheapest corner-to-corner cost by depth-first search over all simple paths,
    /// pruned only by the best cost found so far (weights are positive).
    static func bruteForceCost(_ weights: [Float], side: Int) -> Float {
        var best = Float.infinity
        var visited = [Bool](repeating: false, count: side * side)
        func walk(_ cell: Int, _ cost: Float) {
            guard cost < best else { return }
            if cell == side * side - 1 { best = cost; return }
            visited[cell] = true
            for (dr, dc) in neighbours {
                let r = cell / side + dr, c = cell % side + dc
                guard (0..<side).contains(r), (0..<side).contains(c), !visited[r * side + c] else { continue }
                walk(r * side + c, cost + weights[r * side + c])
            }
            visited[cell] = false
        }
        walk(0, weights[0])
        return best
    }

    /// The cheapest corner-to-corner cost by Bellman–Ford relaxation until nothing changes.
    static func relaxationCost(_ weights: [Float], side: Int) -> Float {
        var distance = [Float](repeating: .infinity, count: side * side)
        distance[0] = weights[0]
        var changed = true
        while changed {
            changed = false
            for cell in 0..<side * side where distance[cell].isFinite {
                for (dr, dc) in neighbours {
                    let r = cell / side + dr, c = cell % side + dc
                    guard (0..<side).contains(r), (0..<side).contains(c) else { continue }
                    let offer = distance[cell] + weights[r * side + c]
                    if offer < distance[r * side + c] { distance[r * side + c] = offer; changed = true }
                }
            }
        }
        return distance[side * side - 1]
    }

    /// True when the mask's cells connect the two corners through 8-neighbours.
    static func connectsCorners(_ mask: [Float], side: Int) -> Bool {
        guard mask[0] == 1, mask[side * side - 1] == 1 else { return false }
        var reached: Set<Int> = [0], frontier = [0]
        while let cell = frontier.popLast() {
            for (dr, dc) in neighbours {
                let r = cell / side + dr, c = cell % side + dc
                guard (0..<side).contains(r), (0..<side).contains(c), mask[r * side + c] == 1,
                      reached.insert(r * side + c).inserted else { continue }
                frontier.append(r * side + c)
            }
        }
        return reached.contains(side * side - 1)
    }

    static func pathCost(_ mask: ArraySlice<Float>, _ weights: ArraySlice<Float>) -> Float {
        zip(mask, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    @Test func sameSeedSameData_otherSeedOtherData_prefixesAgree() throws {
        let a = try WarcraftGenerator(gridSize: 6, seed: 3).makeDataset(count: 5)
        let b = try WarcraftGenerator(gridSize: 6, seed: 3).makeDataset(count: 5)
        let c = try WarcraftGenerator(gridSize: 6, seed: 4).makeDataset(count: 5)
        let shorter = try WarcraftGenerator(gridSize: 6, seed: 3).makeDataset(count: 2)
        #expect(a == b)
        #expect(a.maps != c.maps && a.weights != c.weights)
        #expect(a.prefix(2) == shorter)
        #expect(a.maps.count == 5 * 48 * 48 * 3 && a.weights.count == 5 * 36)
    }

    @Test(arguments: [3, 4])
    func labelsAreCheapestPathsByBruteForce(side: Int) throws {
        let data = try WarcraftGenerator(gridSize: side, seed: 11).makeDataset(count: 12)
        for i in 0..<data.count {
            let mask = Array(data.path(i)), weights = Array(data.weights(i))
            #expect(Self.connectsCorners(mask, side: side))
            let optimum = Self.bruteForceCost(weights, side: side)
            #expect(abs(Self.pathCost(data.path(i), data.weights(i)) - optimum) <= 1e-5 * optimum, "instance \(i)")
        }
    }

    @Test func labelsAreCheapestPathsByRelaxationAt12() throws {
        let data = try WarcraftGenerator(gridSize: 12, seed: 5).makeDataset(count: 10)
        for i in 0..<data.count {
            #expect(Self.connectsCorners(Array(data.path(i)), side: 12))
            let optimum = Self.relaxationCost(Array(data.weights(i)), side: 12)
            #expect(abs(Self.pathCost(data.path(i), data.weights(i)) - optimum) <= 1e-5 * optimum, "instance \(i)")
        }
    }

    @Test func terrainIsCoherentAndUsesEveryType() throws {
        let data = try WarcraftGenerator(gridSize: 12, seed: 9).makeDataset(count: 20)
        let costs = Set(TerrainType.allCases.map(\.cost))
        #expect(Set(data.weights) == costs)
        // Horizontal neighbours agree far more often than independent cells with the same
        // terrain frequencies would (Σ p² of the frequencies).
        var agree = 0, pairs = 0
        var frequency: [Float: Int] = [:]
        for i in 0..<data.count {
            let w = Array(data.weights(i))
            for cell in w.indices {
                frequency[w[cell], default: 0] += 1
                if cell % 12 < 11 { pairs += 1; agree += w[cell] == w[cell + 1] ? 1 : 0 }
            }
        }
        let independent = frequency.values.reduce(0.0) { $0 + pow(Double($1) / Double(data.weights.count), 2) }
        #expect(Double(agree) / Double(pairs) > independent + 0.15)
    }

    @Test func tilesOfOneTerrainLookAlikeAndDifferFromOthers() throws {
        // Mean colour per tile: the nearest terrain centroid recovers the terrain.
        let data = try WarcraftGenerator(gridSize: 8, seed: 2).makeDataset(count: 10)
        var sums: [Float: [Float]] = [:], counts: [Float: Int] = [:]
        var tileMeans: [(cost: Float, mean: [Float])] = []
        for i in 0..<data.count {
            let image = Array(data.image(i))
            for cell in 0..<64 {
                var mean: [Float] = [0, 0, 0]
                for y in 0..<8 { for x in 0..<8 { for ch in 0..<3 {
                    mean[ch] += Float(image[((cell / 8 * 8 + y) * 64 + cell % 8 * 8 + x) * 3 + ch]) / 64
                } } }
                let cost = data.weights(i)[data.weights(i).startIndex + cell]
                sums[cost, default: [0, 0, 0]] = zip(sums[cost, default: [0, 0, 0]], mean).map { $0 + $1 }
                counts[cost, default: 0] += 1
                tileMeans.append((cost, mean))
            }
        }
        let centroids = sums.mapValues { $0 }.map { cost, sum in (cost, sum.map { $0 / Float(counts[cost]!) }) }
        let correct = tileMeans.filter { tile in
            centroids.min { a, b in
                zip(a.1, tile.mean).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) < zip(b.1, tile.mean).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
            }!.0 == tile.cost
        }.count
        #expect(Double(correct) / Double(tileMeans.count) > 0.9)
    }

    @Test func badSizesAreTypedErrors() {
        #expect(throws: ExampleError.self) { try WarcraftGenerator(gridSize: 1, seed: 0) }
        #expect(throws: ExampleError.self) { try WarcraftGenerator(gridSize: 4, seed: 0).makeDataset(count: -1) }
        #expect(throws: ExampleError.self) {
            try WarcraftDataset(gridSize: 2, count: 1, maps: [], weights: [1, 1, 1, 1], paths: [1, 0, 0, 1])
        }
    }
}
