/// Whether a solver looks for the state with the largest or the smallest objective ⟨z, θ⟩.
///
/// Estimators work internally in the maximisation convention. For a minimising solver the
/// layer flips the sign of the perturbation and of the returned gradient consistently, so
/// that a minimiser over θ behaves exactly like a maximiser over −θ.
public enum OptimizationSense: String, Sendable, Hashable, Codable, CaseIterable {
    /// The solver returns argmax over its feasible set of ⟨z, θ⟩.
    case maximize
    /// The solver returns argmin over its feasible set of ⟨z, θ⟩.
    case minimize

    /// +1 for maximisation, −1 for minimisation: multiply θ by it to obtain the
    /// equivalent maximisation parameters.
    public var sign: Float { self == .maximize ? 1 : -1 }

    /// The opposite sense.
    public var flipped: OptimizationSense { self == .maximize ? .minimize : .maximize }

    /// Whether `candidate` is strictly better than `incumbent` in this sense.
    @inlinable
    public func prefers(_ candidate: Double, over incumbent: Double) -> Bool {
        self == .maximize ? candidate > incumbent : candidate < incumbent
    }
}
