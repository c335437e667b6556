/// The five kinds of terrain of the generated Warcraft-style maps, with the vertex costs of
/// the published dataset (Pogančić et al. 2020, Table 5: the cost of a tile is one of
/// 0.8, 1.2, 5.3, 7.7 and 9.2, depending on the terrain drawn on it).
///
/// Each kind is drawn as an 8 × 8 tile with its own colour and texture pattern, varied at
/// random per tile, so a network has to learn costs from appearance.
public enum TerrainType: Int, CaseIterable, Sendable, Codable {
    /// Open grassland, the cheapest to cross.
    case grass
    /// Sandy road or dirt track.
    case road
    /// Forest.
    case forest
    /// Hills and rock.
    case hills
    /// Deep water, the dearest.
    case water

    /// The cost of crossing one tile of this terrain.
    public var cost: Float {
        switch self {
        case .road: 0.8
        case .grass: 1.2
        case .forest: 5.3
        case .hills: 7.7
        case .water: 9.2
        }
    }

    /// The base colour of the tile, RGB.
    var baseColour: (red: Float, green: Float, blue: Float) {
        switch self {
        case .grass: (96, 160, 64)
        case .road: (200, 170, 110)
        case .forest: (30, 90, 40)
        case .hills: (130, 115, 100)
        case .water: (40, 80, 170)
        }
    }
}
