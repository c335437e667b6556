import DifferentiableSolvers

extension TrainingTrace.Step {
    /// A step record from a backward pass's statistics.
    public init(step: Int, statistics: BackwardStatistics?, gradientNorm: Double, referenceCosine: Double? = nil) {
        self.init(step: step, alpha: statistics?.alpha ?? 0, meanLambda: statistics?.meanLambda ?? 0,
                  meanNonZeros: statistics?.meanNonZeros ?? 0, gradientNorm: gradientNorm, referenceCosine: referenceCosine)
    }
}

extension GradientEstimator {
    /// Adaptive IMLE's target c of non-zero gradient entries per sample, `nil` for the others.
    public var adaptiveTarget: Double? {
        (self as? AdaptiveIMLE)?.targetNonZeros
    }
}
