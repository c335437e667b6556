import DifferentiableSolvers

/// The values a solver accepts for θ: every entry unrestricted, or the entries from some
/// index on bounded in sign (cell costs of a grid shortest path are ≥ 0; the learned pairwise
/// weights of a graph cut, which follow its unrestricted unaries, are ≥ 0 when maximising).
///
/// A registry declares each solver's domain next to its options, so that tools can draw
/// valid random parameters (`dsolve bench`) and tests can build ordinary instances without a
/// table of exceptions.
///
/// ```swift
/// let solver = try registry.makeSolver(named: "shortest-path.grid", options: ["height": 12, "width": 12])
/// var generator = SeededGenerator(seed: 0)
/// let theta = solver.parameterDomain.randomValues(count: 144, using: &generator)   // all ≥ 0
/// ```
public struct ParameterDomain: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The sign constraint of the bounded entries.
    public enum Bound: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any finite value.
        case unrestricted
        /// Finite values ≥ 0.
        case nonNegative = "non-negative"
        /// Finite values > 0.
        case positive
        /// Finite values ≤ 0.
        case nonPositive = "non-positive"

        /// Whether `value` satisfies the bound (non-finite values never do).
        public func contains(_ value: Float) -> Bool {
            guard value.isFinite else { return false }
            switch self {
            case .unrestricted: return true
            case .nonNegative: return value >= 0
            case .positive: return value > 0
            case .nonPositive: return value <= 0
            }
        }

        /// Maps a draw `x` of the standard normal distribution into the bound: `x` itself,
        /// |x| or −|x| (a folded normal), with an exact zero moved to 1 for `.positive`.
        public func fold(_ x: Float) -> Float {
            switch self {
            case .unrestricted: return x
            case .nonNegative: return abs(x)
            case .positive: return x == 0 ? 1 : abs(x)
            case .nonPositive: return -abs(x)
            }
        }
    }

    /// How many leading entries are unrestricted before ``bound`` applies (0: all are bounded).
    public var unrestrictedPrefix: Int
    /// The constraint on every entry from ``unrestrictedPrefix`` on.
    public var bound: Bound

    /// A domain whose entries from `unrestrictedPrefix` on satisfy `bound`.
    public init(_ bound: Bound, after unrestrictedPrefix: Int = 0) {
        self.bound = bound
        self.unrestrictedPrefix = max(0, unrestrictedPrefix)
    }

    /// Every finite θ.
    public static let unrestricted = ParameterDomain(.unrestricted)
    /// Every entry ≥ 0.
    public static let nonNegative = ParameterDomain(.nonNegative)
    /// Every entry > 0.
    public static let positive = ParameterDomain(.positive)

    /// The bound of entry `index`.
    public func bound(at index: Int) -> Bound {
        index < unrestrictedPrefix ? .unrestricted : bound
    }

    /// Whether every entry of `theta` lies in the domain.
    public func contains(_ theta: [Float]) -> Bool {
        theta.indices.allSatisfy { bound(at: $0).contains(theta[$0]) }
    }

    /// `count` random entries in the domain: standard normal draws, folded into each
    /// entry's bound (see ``Bound/fold(_:)``).
    ///
    /// - Complexity: O(`count`).
    public func randomValues(count: Int, using generator: inout SeededGenerator) -> [Float] {
        (0 ..< max(0, count)).map { bound(at: $0).fold(Float(generator.nextNormal())) }
    }

    /// A value for `DifferentiableSolverLayer.perturbationFloor` that keeps every perturbed θ
    /// in the domain, when a single floor does: 0 when every entry must be ≥ 0, the smallest
    /// normal `Float` when every entry must be > 0, `nil` otherwise.
    public var perturbationFloor: Float? {
        guard unrestrictedPrefix == 0 else { return nil }
        switch bound {
        case .nonNegative: return 0
        case .positive: return .leastNormalMagnitude
        case .unrestricted, .nonPositive: return nil
        }
    }

    /// E.g. "non-negative" or "unrestricted for the first 4 entries, then non-negative".
    public var description: String {
        guard unrestrictedPrefix > 0, bound != .unrestricted else { return bound.rawValue }
        return "unrestricted for the first \(unrestrictedPrefix) entries, then \(bound.rawValue)"
    }
}
