import Foundation
import DifferentiableSolvers

/// The terrain of one generated map: an H × H grid of ``TerrainType``s laid out as a
/// landscape rather than independent cells — lakes, hill ranges and forests are smooth
/// random fields cut at random levels, and one or two roads run across the map as
/// meandering corridors.
struct TerrainLayout {
    let gridSize: Int
    /// Row-major terrain of each tile.
    private(set) var tiles: [TerrainType]

    /// Draws a landscape.
    init(gridSize: Int, using generator: inout SeededGenerator) {
        self.gridSize = gridSize
        tiles = Array(repeating: .grass, count: gridSize * gridSize)
        // Each feature claims the highest-valued cells of its own smooth field, in order of
        // precedence: water, then hills, then forest; the rest stays grass.
        let shares: [(TerrainType, ClosedRange<Double>)] = [(.water, 0.06...0.18), (.hills, 0.10...0.22), (.forest, 0.15...0.30)]
        for (terrain, share) in shares {
            let field = Self.smoothField(gridSize: gridSize, using: &generator)
            let free = tiles.indices.filter { tiles[$0] == .grass }
            let claimed = Int((Double(gridSize * gridSize) * Double.random(in: share, using: &generator)).rounded())
            for cell in free.sorted(by: { field[$0] > field[$1] }).prefix(claimed) { tiles[cell] = terrain }
        }
        for _ in 0..<Int.random(in: 1...2, using: &generator) { drawRoad(using: &generator) }
    }

    /// The costs of the tiles, row-major.
    var costs: [Float] { tiles.map(\.cost) }

    /// A sum of a few Gaussian bumps of random centre, width and sign: low-frequency noise.
    static func smoothField(gridSize: Int, using generator: inout SeededGenerator) -> [Double] {
        var field = [Double](repeating: 0, count: gridSize * gridSize)
        let side = Double(gridSize)
        for _ in 0..<max(3, gridSize / 2) {
            let centreRow = Double.random(in: -1...side, using: &generator)
            let centreColumn = Double.random(in: -1...side, using: &generator)
            let width = Double.random(in: 0.08...0.25, using: &generator) * side + 1
            let amplitude = Double.random(in: -1...1, using: &generator)
            for row in 0..<gridSize {
                for column in 0..<gridSize {
                    let d2 = (Double(row) - centreRow) * (Double(row) - centreRow)
                        + (Double(column) - centreColumn) * (Double(column) - centreColumn)
                    field[row * gridSize + column] += amplitude * (-d2 / (2 * width * width)).exp
                }
            }
        }
        // A little white noise breaks ties and roughens the borders.
        return field.map { $0 + Double.random(in: -0.02...0.02, using: &generator) }
    }

    /// A road from one side of the map to the opposite side, drifting sideways at random.
    private mutating func drawRoad(using generator: inout SeededGenerator) {
        let vertical = Bool.random(using: &generator)
        var across = Int.random(in: 0..<gridSize, using: &generator)
        var drift = 0
        for along in 0..<gridSize {
            let (row, column) = vertical ? (along, across) : (across, along)
            tiles[row * gridSize + column] = .road
            if Double.random(in: 0..<1, using: &generator) < 0.3 { drift = Int.random(in: -1...1, using: &generator) }
            across = min(max(across + drift, 0), gridSize - 1)
        }
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}
