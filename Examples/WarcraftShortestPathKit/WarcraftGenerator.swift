import CombinatorialSolvers
import DifferentiableSolvers
import _ExampleSupport

/// Makes synthetic Warcraft-style shortest-path instances, the stand-in for the published
/// dataset (which cannot be downloaded everywhere).
///
/// Each map is a landscape of the five ``TerrainType``s (lakes, hill ranges, forests and
/// roads on grassland), drawn tile by tile with a textured, randomly varied 8 × 8 picture per
/// tile; the true costs are the terrain costs of the dataset, and the label is the path that
/// ``GridShortestPath`` (8-connected, top-left to bottom-right) finds for them. Instance `i`
/// depends only on the seed and `i`, so any prefix of a dataset is the same whatever its size.
///
/// ```swift
/// let generator = try WarcraftGenerator(gridSize: 12, seed: 7)
/// let train = try generator.makeDataset(count: 1000)
/// let test = try WarcraftGenerator(gridSize: 12, seed: 8).makeDataset(count: 200)
/// ```
public struct WarcraftGenerator: Sendable {
    /// H, the number of tiles on each side.
    public let gridSize: Int
    /// The seed all instances derive from.
    public let seed: UInt64
    /// With a value V, every tile is one of V fixed pictures per terrain (a tileset, as in the
    /// game the published maps come from); `nil` draws every tile's brightness, tint, pattern
    /// phase and pixel noise afresh, so no two tiles look alike.
    public let tileVariants: Int?
    /// Whether to keep only maps whose cheapest path is unique (``OptimalPathCount``): a map
    /// with ties is drawn again, so that the label is the only cost-optimal path and the
    /// Hamming loss against it does not reward one tie-break over another.
    public let uniqueOptimum: Bool

    /// - Throws: ``ExampleError`` when `gridSize` is below 2 or `tileVariants` below 1.
    public init(gridSize: Int, seed: UInt64, tileVariants: Int? = nil, uniqueOptimum: Bool = false) throws(ExampleError) {
        guard gridSize >= 2, gridSize <= 1000 else {
            throw ExampleError("the grid size must be between 2 and 1000, got \(gridSize)")
        }
        if let tileVariants, !(1...1_000_000).contains(tileVariants) {
            throw ExampleError("the tile variants must be between 1 and 1,000,000, got \(tileVariants)")
        }
        self.gridSize = gridSize
        self.seed = seed
        self.tileVariants = tileVariants
        self.uniqueOptimum = uniqueOptimum
    }

    /// The most maps drawn for one instance before ``makeDataset(count:)`` gives up looking
    /// for a unique optimum (about a quarter of 12 × 12 maps have one).
    public static let maximumAttempts = 1000

    /// Generates instances `0..<count`.
    ///
    /// - Throws: ``ExampleError`` for a negative count.
    /// - Complexity: O(count · H² log H).
    public func makeDataset(count: Int) throws(ExampleError) -> WarcraftDataset {
        guard count >= 0 else { throw ExampleError("the number of instances must be non-negative, got \(count)") }
        let solver: GridShortestPath
        do {
            solver = try GridShortestPath(height: gridSize, width: gridSize)
        } catch {
            throw ExampleError("cannot make the grid solver: \(error)")
        }
        let side = gridSize * WarcraftDataset.tileSize
        var maps = [UInt8](repeating: 0, count: count * side * side * 3)
        var weights: [Float] = []
        weights.reserveCapacity(count * gridSize * gridSize)
        for index in 0..<count {
            // Attempt 0 draws from stream [index], as before this option existed.
            var attempt = 0
            var generator = SeededGenerator(seed: seed, stream: [UInt64(index)])
            var layout = TerrainLayout(gridSize: gridSize, using: &generator)
            while uniqueOptimum, OptimalPathCount.count(costs: layout.costs, gridSize: gridSize) != 1 {
                attempt += 1
                guard attempt < Self.maximumAttempts else {
                    throw ExampleError("no map with a unique cheapest path in \(Self.maximumAttempts) attempts for instance \(index)")
                }
                generator = SeededGenerator(seed: seed, stream: [UInt64(index), UInt64(attempt)])
                layout = TerrainLayout(gridSize: gridSize, using: &generator)
            }
            var image = [UInt8](repeating: 0, count: side * side * 3)
            for (cell, terrain) in layout.tiles.enumerated() {
                let top = cell / gridSize * WarcraftDataset.tileSize, left = cell % gridSize * WarcraftDataset.tileSize
                if let tileVariants {
                    let variant = Int.random(in: 0..<tileVariants, using: &generator)
                    var tileGenerator = SeededGenerator(seed: 0x5449_4C45, stream: [UInt64(terrain.rawValue), UInt64(variant)])
                    terrain.drawTile(into: &image, side: side, top: top, left: left, using: &tileGenerator)
                } else {
                    terrain.drawTile(into: &image, side: side, top: top, left: left, using: &generator)
                }
            }
            maps.replaceSubrange(index * image.count..<(index + 1) * image.count, with: image)
            weights += layout.costs
        }
        let paths: Matrix
        do {
            paths = try solver.solveBatch(Matrix(rows: count, columns: gridSize * gridSize, values: weights))
        } catch {
            throw ExampleError("the shortest-path solver failed on generated costs: \(error)")
        }
        return WarcraftDataset(checkedGridSize: gridSize, count: count, maps: maps, weights: weights, paths: paths.values)
    }
}
