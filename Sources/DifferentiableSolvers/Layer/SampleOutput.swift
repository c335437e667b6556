/// What ``DifferentiableSolverLayer/forward(_:output:)`` returns for the S noise samples.
public enum SampleOutput: String, Sendable, Hashable, Codable {
    /// One row per sample: (B · S) × n, the samples of row b at rows b·S ..< (b+1)·S.
    /// `backward` then takes ∂L/∂z of the same shape and returns the vector–Jacobian
    /// product summed over the samples.
    case perSample
    /// The sample mean of each row: B × n. `backward` then takes ∂L/∂z̄ (B × n) and returns
    /// the vector–Jacobian product of the mean.
    case mean
}
