/// How a ``DifferentiableSolverLayer`` turns ∂L/∂z into ∂L/∂θ: the backward contract every
/// estimator fulfils.
///
/// An estimator is a value. Given the ``BackwardPass`` (θ, the noise and the sampled states of
/// the forward pass, ∂L/∂z, the solver and the perturbation), its own ``State`` and a
/// ``BackwardContext`` with any extra inputs it needs, it returns ∂L/∂θ. An estimator that
/// adapts from pass to pass (adaptive IMLE) declares its ``State``; the layer keeps one per
/// state type, starts it with ``makeState()`` and hands it to every ``backward(_:state:context:)``,
/// which advances it in place.
///
/// The package's estimators, each in one file, with a factory member for the call site:
/// * ``aimle(_:)`` — adaptive IMLE (Minervini et al. 2023): no step to tune; the default
///   choice when the loss is a function of the sampled structures.
/// * ``imle(_:)`` — IMLE with a fixed step λ (Niepert et al. 2021), for reproducing
///   published settings or when λ has been tuned.
/// * ``straightThrough`` — treats the solver as the identity (up to the sense): cheap,
///   biased; a baseline.
/// * ``scoreFunction`` — REINFORCE with a leave-one-out baseline: unbiased, high variance,
///   needs the per-sample loss values; a baseline.
/// * ``directLoss(_:)`` — direct optimisation through argmax (Lorberbom et al. 2019): when the
///   loss can be evaluated on candidate states (a VAE decoder), its exact mode searches the
///   loss-augmented argmax instead of linearising the loss.
/// * ``blackbox(lambda:)`` — blackbox differentiation (Vlastelica/Pogančić et al. 2020) for
///   solvers trained on a supervised loss; use it with `noise: .none`.
/// * ``perturbedOptimizer(_:)`` — Berthet et al. 2020: the forward mean of perturbed
///   solutions is a smooth function whose Jacobian is estimated by Stein's lemma; pairs with
///   ``FenchelYoungLoss`` when target structures are known.
/// * ``gumbelSoftmax(temperature:blockSize:)`` — straight-through Gumbel-softmax for one-hot
///   blocks (Jang et al. 2017): a relaxation baseline.
///
/// ```swift
/// var layer = DifferentiableSolverLayer(solver: TopK(k: 5), estimator: .aimle(scheme: .central),
///                                       noise: .gumbel, samples: 10, seed: 42)
/// ```
///
/// A new estimator needs this protocol alone:
///
/// ```swift
/// struct SignStraightThrough: GradientEstimator {
///     var name: String { "sign STE" }
///     func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
///                                      context: BackwardContext) throws(LayerError) -> BackwardEstimate {
///         var gradient = Matrix(rows: pass.batchSize, columns: pass.variableCount)
///         for b in 0..<pass.batchSize {
///             for s in 0..<pass.sampleCount {
///                 for j in 0..<pass.variableCount {
///                     let g = pass.upstream[row: b, sample: s, column: j]
///                     gradient[b, j] += pass.sign * pass.sampleReduction * (g > 0 ? 1 : g < 0 ? -1 : 0)
///                 }
///             }
///         }
///         return BackwardEstimate(gradient: gradient)
///     }
/// }
/// ```
public protocol GradientEstimator: Sendable {
    /// What the estimator carries from one backward pass to the next (`Void` when nothing).
    associatedtype State: Sendable = Void

    /// A short human-readable name, e.g. "AIMLE (central)".
    var name: String { get }

    /// Why the settings cannot work (e.g. "IMLE needs a finite λ > 0"), or `nil` when they can.
    /// The layer checks it before every pass; the default is `nil`.
    var configurationProblem: String? { get }

    /// How the forward pass perturbs θ for this estimator; additive by default.
    var perturbationForm: Perturbation.Form { get }

    /// The state a layer starts from.
    func makeState() -> State

    /// Estimates ∂L/∂θ from ∂L/∂z.
    ///
    /// - Parameters:
    ///   - pass: the tape of the forward pass, ∂L/∂z, the solver and the perturbation.
    ///   - state: the estimator's state, advanced in place where the estimator adapts.
    ///   - context: estimator-specific inputs (per-sample losses, a candidate scorer …).
    /// - Returns: ∂L/∂θ (B × n) and what the pass did.
    /// - Throws: ``LayerError`` for missing or malformed inputs, settings that do not fit
    ///   the problem, or a solver failure.
    func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout State,
                                     context: BackwardContext) throws(LayerError) -> BackwardEstimate
}

extension GradientEstimator {
    /// No problem: the default.
    public var configurationProblem: String? { nil }

    /// The additive perturbation θ + sense · τ · ε: the default.
    public var perturbationForm: Perturbation.Form { .additive }
}

extension GradientEstimator where State == Void {
    /// No state.
    public func makeState() {}
}
