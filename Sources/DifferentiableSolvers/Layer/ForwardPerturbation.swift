/// The layer's ``Perturbation`` in a forward pass, entry by entry: θ + sense·τ·ε, or for the
/// multiplicative perturbed optimiser θ ∘ exp(sense·τ·ε − τ²/2) (Berthet et al. 2020, §3.1),
/// then raised to the layer's perturbation floor when it has one.
///
/// One definition shared by ``DifferentiableSolverLayer/forward(_:output:)``, which solves
/// these parameters, and ``DifferentiableSolverLayer/fenchelYoungLoss(_:targets:)``, whose
/// value must be measured on exactly the parameters the samples maximised.
struct ForwardPerturbation: Sendable {
    /// sense · τ.
    let shift: Float
    /// τ² / 2, the multiplicative form's mean correction.
    let halfVariance: Float
    /// Whether θ is scaled rather than shifted.
    let multiplicative: Bool
    /// The layer's perturbation floor.
    let floor: Float?

    init<Solver: MAPSolver>(_ layer: DifferentiableSolverLayer<Solver>) {
        let perturbation = layer.perturbation
        shift = layer.solver.sense.sign * perturbation.forwardTemperature
        halfVariance = perturbation.forwardTemperature * perturbation.forwardTemperature / 2
        multiplicative = perturbation.form == .multiplicative
        floor = layer.perturbationFloor
    }

    /// The perturbed parameter before the floor (the solver's oracle applies the floor).
    @inline(__always)
    func unfloored(_ theta: Float, noise: Float) -> Float {
        multiplicative ? theta * Float(_exp(Double(shift * noise - halfVariance))) : theta + shift * noise
    }

    /// The parameter the solver saw: ``unfloored(_:noise:)`` raised to the floor.
    @inline(__always)
    func solved(_ theta: Float, noise: Float) -> Float {
        let value = unfloored(theta, noise: noise)
        guard let floor, value < floor else { return value }
        return floor
    }
}
