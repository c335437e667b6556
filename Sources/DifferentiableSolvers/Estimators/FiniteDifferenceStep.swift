/// How the finite-difference estimators choose their step λ for a row.
enum FiniteDifferenceStep: Sendable {
    /// IMLE: a fixed λ and the scale of φ in the target parameters.
    case fixed(lambda: Float, targetScale: Float)
    /// Adaptive IMLE, Eq. 8 and Algorithm 1: λ = α · mean over samples of ‖θ‖ / ‖∂L/∂z_s‖,
    /// computed on the row θ that is perturbed and whose gradient λ scales. A row whose θ is
    /// zero uses `fallbackThetaNorm` (the root-mean-square row norm of the batch, as the
    /// reference implementation's batch-wide norm would give), so it still gets a gradient.
    case adaptive(alpha: Double, fallbackThetaNorm: Double)

    var targetScale: Float {
        switch self {
        case .fixed(_, let scale): scale
        case .adaptive: 1
        }
    }
}
