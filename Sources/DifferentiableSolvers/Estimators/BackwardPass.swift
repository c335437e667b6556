/// Everything one backward pass gives an estimator: the forward pass's tape, ∂L/∂z, the
/// solver and the perturbation, each sample addressed as instance × sample × entry.
///
/// Estimators work in the maximisation convention: φ = σ·θ with σ = ``sign`` (+1 for a
/// maximising solver, −1 for a minimising one), so MAP_max(φ) = solver(σ·φ). An estimate g_φ
/// is returned as ∂L/∂θ = σ·g_φ. Perturbations ε enter as φ + τ·ε, i.e. θ + σ·τ·ε.
///
/// ```swift
/// for b in 0..<pass.batchSize {
///     for s in 0..<pass.sampleCount {
///         let z = pass.samples[row: b, sample: s]       // the sampled state
///         let dLdz = pass.upstream[row: b, sample: s]   // its upstream gradient
///     }
/// }
/// ```
public struct BackwardPass<Solver: MAPSolver>: Sendable {
    /// The MAP oracle.
    public let solver: Solver
    /// What the forward pass recorded.
    public let tape: SolverTape
    /// ∂L/∂z per instance and sample (shared by the samples of an instance for mean output).
    public let upstream: SampleMatrix
    /// The perturbation of the forward pass (and of the target parameters).
    public let perturbation: Perturbation
    /// How many threads the pass may use; results must not depend on it.
    public let parallelism: Parallelism
    /// The lower bound applied to every perturbed θ before the solver sees it, if any.
    public let perturbationFloor: Float?

    /// Creates a pass.
    public init(solver: Solver, tape: SolverTape, upstream: Matrix, perturbation: Perturbation,
                parallelism: Parallelism, perturbationFloor: Float?) {
        self.solver = solver
        self.tape = tape
        self.upstream = SampleMatrix(upstream, sampleCount: tape.sampleCount, sharedAcrossSamples: tape.output == .mean)
        self.perturbation = perturbation
        self.parallelism = parallelism
        self.perturbationFloor = perturbationFloor
    }

    /// θ of the forward pass (B × n).
    public var theta: Matrix { tape.theta }
    /// The sampled states per instance and sample.
    public var samples: SampleMatrix { tape.sampleStates }
    /// The raw noise ε per instance and sample.
    public var noise: SampleMatrix { tape.sampleNoise }
    /// The number of instances B.
    public var batchSize: Int { tape.batchSize }
    /// The number of samples S per instance.
    public var sampleCount: Int { tape.sampleCount }
    /// The number of variables n per instance.
    public var variableCount: Int { tape.theta.columns }
    /// σ: +1 for a maximising solver, −1 for a minimising one.
    public var sign: Float { solver.sense.sign }
    /// The temperature τ of the forward perturbation.
    public var forwardTemperature: Float { perturbation.forwardTemperature }
    /// The temperature of the target perturbation in the backward pass.
    public var targetTemperature: Float { perturbation.targetTemperature }
    /// The factor that turns a sum of per-sample estimates into the vector–Jacobian product of
    /// the forward output: 1 for per-sample output, 1/S for the mean.
    public var sampleReduction: Float { tape.output == .perSample ? 1 : 1 / Float(sampleCount) }

    var n: Int { variableCount }

    /// MAP(φ + τ_target · ε) for every sample ((B · S) × n values).
    ///
    /// - Throws: ``LayerError`` wrapping a solver failure.
    public func solveTargetBases() throws(LayerError) -> [Float] {
        var oracle = PerturbedOracle(solver: solver, floor: perturbationFloor)
        var input = [Float](repeating: 0, count: n)
        let noise = tape.noise.values
        return try RowBuffer.make(rows: batchSize * sampleCount, width: n) { (states) throws(LayerError) in
            for sample in 0 ..< batchSize * sampleCount {
                let b = sample / sampleCount
                for j in 0..<n {
                    input[j] = tape.theta.values[b * n + j] + sign * targetTemperature * noise[sample * n + j]
                }
                do throws(SolverError) { try oracle.solve(&input, row: b, into: states.row(sample)) } catch { throw LayerError(error) }
            }
        }
    }
}
