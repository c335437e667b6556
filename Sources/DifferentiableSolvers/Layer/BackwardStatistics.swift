/// What one backward pass of a finite-difference estimator did: the step it took, how
/// sparse the result was and, for adaptive IMLE, the α it used.
///
/// Returned by ``DifferentiableSolverLayer/backwardWithStatistics(_:_:context:)``
/// so that a training loop can trace adaptive IMLE's warm-up (Minervini et al. 2023, §3:
/// λ of Eq. 8 and the sparsity signal of Eq. 9) without reaching into the estimator.
///
/// ```swift
/// let (dTheta, statistics) = try layer.backwardWithStatistics(dLdz, tape)
/// print(statistics.alpha ?? 0, statistics.meanLambda, statistics.meanNonZeros)
/// ```
public struct BackwardStatistics: Sendable, Hashable, Codable {
    /// The mean step λ over the rows that received a gradient signal (0 for estimators
    /// without a step, and when no row had a non-zero ∂L/∂z).
    public var meanLambda: Double
    /// The mean number of non-zero entries of the finite difference per sample, over the
    /// samples whose ∂L/∂z is not zero (the L0 count of Eq. 9).
    public var meanNonZeros: Double
    /// Rows whose ∂L/∂z was zero for every sample: they carry no information about λ and
    /// do not move adaptive IMLE's α.
    public var silentRows: Int
    /// The number of samples whose ∂L/∂z is not zero, over which ``meanNonZeros`` is the mean
    /// (finite-difference estimators; `nil` for the others). Data-parallel training merges
    /// the sparsity signal of several workers as Σ meanNonZeros · informativeSamples over
    /// Σ informativeSamples.
    public var informativeSamples: Int?
    /// The α of Eq. 8 used by this pass (adaptive IMLE only).
    public var alpha: Double?

    /// Creates statistics.
    public init(meanLambda: Double = 0, meanNonZeros: Double = 0, silentRows: Int = 0, informativeSamples: Int? = nil,
                alpha: Double? = nil) {
        self.meanLambda = meanLambda
        self.meanNonZeros = meanNonZeros
        self.silentRows = silentRows
        self.informativeSamples = informativeSamples
        self.alpha = alpha
    }
}
