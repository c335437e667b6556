import Foundation
import SolverRegistry

/// A layer's settings as a C or Python caller passes them: names, JSON options and numbers.
struct LayerSettings: Codable, Equatable, Sendable {
    var solver: String
    var options: JSONValue
    var estimator: String
    var noise: String
    var samples: Int
    var seed: UInt64
    var floor: Float?
    /// Whether the forward pass returns the mean of the samples.
    var mean: Bool

    /// The options as JSON text.
    var optionsText: String { String(decoding: (try? JSONEncoder().encode(options)) ?? Data("{}".utf8), as: UTF8.self) }
}
