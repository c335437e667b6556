import DifferentiableSolvers

/// An optimal labelling of a ``GraphCutSolver`` instance together with the max-flow value
/// that proves it optimal.
///
/// The solver minimises the energy E(z) = −σ⟨z, θ⟩ (σ = +1 when maximising, −1 when
/// minimising), which the network represents as E(z) = ``energyOffset`` + cut(z). By
/// max-flow/min-cut duality the smallest cut equals ``maximumFlow``, so the returned
/// labelling is optimal exactly when its energy is ``energyOffset`` + ``maximumFlow``: with
/// learned weights a caller can check this with the solver's `objective(of:at:)` in double
/// precision (with fixed weights, add Σ wᵢⱼzᵢzⱼ to it).
///
/// ```swift
/// let cut = try solver.minimumCut(theta: theta)
/// let energy = -solver.objective(of: cut.sufficientStatistics, at: theta)   // maximising
/// // energy ≈ cut.energyOffset + cut.maximumFlow
/// ```
public struct GraphCutCertificate: Sendable, Hashable {
    /// z₁ … zₙ ∈ {0, 1}: 1 for nodes on the source side of the minimum cut.
    public var labelling: [Float]
    /// The solver's output for this θ: the labelling and, with learned weights, the edge
    /// products zᵢzⱼ.
    public var sufficientStatistics: [Float]
    /// The value of the maximum s–t flow, which equals the capacity of the minimum cut.
    public var maximumFlow: Double
    /// The constant of the construction: E(z) = energyOffset + cut(z) for every z.
    public var energyOffset: Double
    /// The solver's sense.
    public var sense: OptimizationSense

    /// The optimal value of ⟨z, θ⟩ implied by the flow: −(offset + flow) when maximising,
    /// offset + flow when minimising.
    public var optimalObjective: Double {
        let minimumEnergy = energyOffset + maximumFlow
        return sense == .maximize ? -minimumEnergy : minimumEnergy
    }
}
