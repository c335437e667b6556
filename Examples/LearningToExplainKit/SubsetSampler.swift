import DifferentiableSolvers
import _ExampleSupport

/// How training draws the patches of each image and carries ∂L/∂z back to the scores θ: a
/// perturb-and-MAP layer with a gradient estimator (``PerturbAndMAPSampler``) or L2X's
/// relaxation (``L2XSampler``).
///
/// ```swift
/// var sampler = try SelectionMethod(parsing: "aimle-central")
///     .sampler(for: KSubsetSelection(k: 8, of: 49), noise: .sumOfGammaMatchingK, seed: 1)
/// let drawn = try sampler.sample(scores)             // (B · S) × 49 selections
/// let dTheta = try drawn.pullback(dLdz)              // B × 49
/// ```
public protocol SubsetSampler: Sendable {
    /// Selections drawn per image (S); each image's rows follow one another.
    var samplesPerImage: Int { get }

    /// Draws selections for a batch of scores.
    ///
    /// - Parameter scores: θ, B × n.
    /// - Returns: (B · S) × n selections and their pullback.
    /// - Throws: ``ExampleError`` when θ does not fit or the solver fails.
    mutating func sample(_ scores: Matrix) throws(ExampleError) -> SampledSubsets
}

/// Selections drawn in training and the map from ∂L/∂selections to ∂L/∂θ.
public struct SampledSubsets: Sendable {
    /// (B · S) × n selections: k-hot masks, or relaxed values in [0, 1] for L2X.
    public let selections: Matrix
    /// ∂L/∂θ (B × n) from ∂L/∂selections ((B · S) × n).
    public let pullback: @Sendable (Matrix) throws(ExampleError) -> Matrix

    /// Selections and their pullback.
    public init(selections: Matrix, pullback: @escaping @Sendable (Matrix) throws(ExampleError) -> Matrix) {
        self.selections = selections
        self.pullback = pullback
    }
}
