/// A combinatorial solver as a layer of a differentiable model: the forward pass samples
/// structures z = MAP(θ + ε) by perturb-and-MAP, the backward pass turns ∂L/∂z into an
/// estimate of ∂L/∂θ with the chosen ``GradientEstimator``, a value of any type that
/// conforms to the protocol.
///
/// The layer speaks flat `Float` buffers (``Matrix``), so it can sit under any Swift model.
/// θ is B × n (one row per instance); each row gets S noise samples.
///
/// ```swift
/// import DifferentiableSolvers
/// import CombinatorialSolvers
///
/// var layer = DifferentiableSolverLayer(solver: TopK(k: 5), estimator: .aimle(scheme: .central),
///                                       noise: .gumbel, samples: 10, seed: 42)
/// let (z, tape) = try layer.forward(theta)          // (B·10) × n samples
/// let dTheta = try layer.backward(dLdz, tape)       // B × n
/// ```
///
/// Randomness comes from one stream per (seed, step, row), so results are bit-identical for
/// a seed whatever ``parallelism`` says. The step advances with every forward pass; store
/// ``step`` and ``adaptiveState`` to resume a run exactly. The layer keeps its estimator's
/// state (one per state type, shared with its copies), so that replacing the estimator by
/// another with the same state type — a new temperature, say — continues from it.
public struct DifferentiableSolverLayer<Solver: MAPSolver>: Sendable {
    /// The MAP oracle.
    public let solver: Solver
    /// How ∂L/∂z becomes ∂L/∂θ.
    public var estimator: any GradientEstimator
    /// The perturbation distribution ρ(ε).
    public var noise: NoiseDistribution
    /// The number S of noise samples per row (at least 1).
    public var samples: Int
    /// The seed of all randomness of the layer.
    public var seed: UInt64
    /// The temperature τ of the forward perturbation θ + τ·ε.
    public var forwardTemperature: Float
    /// The temperature of the perturbation of the target parameters in the backward pass
    /// (the same ε, scaled by this value).
    public var targetTemperature: Float
    /// How many threads the passes may use; results do not depend on it.
    public var parallelism: Parallelism
    /// When set, every perturbed θ is raised entry-wise to at least this value before the
    /// solver sees it — e.g. 0 for shortest paths, whose Dijkstra needs non-negative costs
    /// while Gumbel noise or a step λ·∂L/∂z can push costs below zero. θ itself is checked
    /// by the solver as given.
    public var perturbationFloor: Float?
    /// The running state of adaptive IMLE, shared with the layer's copies.
    public let adaptiveState: AdaptiveState
    /// The identity of the layer and its copies, recorded on every tape.
    public let identity: LayerIdentity
    /// The estimators' states, one per state type (``adaptiveState`` among them).
    let states: EstimatorStates
    /// The number of forward passes so far; part of the key of every random stream.
    public var step: UInt64

    /// Creates a layer.
    ///
    /// - Parameters:
    ///   - solver: the MAP oracle.
    ///   - estimator: the gradient estimator; adaptive IMLE by default.
    ///   - noise: the perturbation distribution; Gumbel(0, 1) by default.
    ///   - samples: noise samples per row.
    ///   - seed: the seed of all randomness.
    ///   - forwardTemperature: scale of the forward perturbation.
    ///   - targetTemperature: scale of the perturbation in the backward pass.
    ///   - parallelism: worker threads.
    ///   - perturbationFloor: a lower bound applied to perturbed parameters (see
    ///     ``perturbationFloor``).
    ///   - adaptiveState: a state to resume from; a fresh one (from the estimator's initial
    ///     values when it is adaptive IMLE, the defaults otherwise) by default.
    public init(
        solver: Solver,
        estimator: any GradientEstimator = .aimle(),
        noise: NoiseDistribution = .gumbel,
        samples: Int = 1,
        seed: UInt64 = 0,
        forwardTemperature: Float = 1,
        targetTemperature: Float = 1,
        parallelism: Parallelism = .automatic,
        perturbationFloor: Float? = nil,
        adaptiveState: AdaptiveState? = nil
    ) {
        self.perturbationFloor = perturbationFloor
        self.solver = solver
        self.estimator = estimator
        self.noise = noise
        self.samples = samples
        self.seed = seed
        self.forwardTemperature = forwardTemperature
        self.targetTemperature = targetTemperature
        self.parallelism = parallelism
        let initialState = Self.initialState(of: estimator)
        let adaptiveState = adaptiveState ?? (initialState as? AdaptiveState) ?? AdaptiveState()
        self.adaptiveState = adaptiveState
        identity = LayerIdentity()
        states = EstimatorStates([initialState, adaptiveState])
        self.step = 0
    }

    /// The perturbation of the layer's passes: its estimator's form, its noise and temperatures.
    public var perturbation: Perturbation {
        Perturbation(form: estimator.perturbationForm, noise: noise, forwardTemperature: forwardTemperature,
                     targetTemperature: targetTemperature)
    }

    /// The state `estimator` starts from.
    static func initialState<Estimator: GradientEstimator>(of estimator: Estimator) -> any Sendable {
        estimator.makeState()
    }

    /// Samples S structures per row of θ.
    ///
    /// - Parameters:
    ///   - theta: B × n parameters.
    ///   - output: per-sample rows ((B · S) × n) or the per-row sample mean (B × n).
    /// - Returns: the structures and the tape that ``backward(_:_:context:)`` needs.
    /// - Throws: ``LayerError`` for an invalid configuration, a θ of the wrong shape or with
    ///   non-finite entries, or a solver failure.
    /// - Complexity: B · S solver calls spread over the worker threads.
    public mutating func forward(_ theta: Matrix, output: SampleOutput = .perSample) throws(LayerError) -> (z: Matrix, tape: SolverTape) {
        try validateConfiguration()
        try validateParameters(theta)
        let currentStep = step
        step &+= 1
        let (solver, noise, seed, count, floor) = (self.solver, self.noise, self.seed, samples, perturbationFloor)
        let n = theta.columns
        let perturbation = ForwardPerturbation(self)
        if perturbation.multiplicative, let bad = theta.values.firstIndex(where: { $0 <= 0 }) {
            throw LayerError(.invalidConfiguration,
                             "the multiplicative perturbed optimiser needs θ > 0; θ[\(bad / max(n, 1)), \(bad % max(n, 1))] = \(theta.values[bad])")
        }
        let total = theta.rows * count, width = count * n
        // Each worker draws a row's noise right before solving it and writes both the noise
        // and the states straight into the tape's matrices.
        var sampleValues: [Float] = []
        let noiseValues: [Float]
        do throws(SolverError) {
            noiseValues = try RowBuffer.make(rows: theta.rows, width: width) { (noiseRows) throws(SolverError) in
                sampleValues = try RowBuffer.make(rows: theta.rows, width: width) { (sampleRows) throws(SolverError) in
                    _ = try parallelChunks(count: theta.rows, parallelism: parallelism) { (rows: Range<Int>) throws(SolverError) in
                        var oracle = PerturbedOracle(solver: solver, floor: floor)
                        var input = [Float](repeating: 0, count: n)
                        for b in rows {
                            var generator = SeededGenerator(seed: seed, stream: [currentStep, UInt64(b)])
                            let noiseRow = noiseRows.row(b)
                            noise.fill(noiseRow, using: &generator)
                            for s in 0..<count {
                                let offset = s * n
                                if perturbation.multiplicative {
                                    for j in 0..<n {
                                        input[j] = perturbation.unfloored(theta.values[b * n + j], noise: noiseRow[offset + j])
                                    }
                                } else {
                                    // `unfloored`'s additive form, θ + shift · ε, in a loop that vectorises.
                                    let shift = perturbation.shift
                                    theta.values.withValues(in: b * n ..< (b + 1) * n) { thetaRow in
                                        input.assign(thetaRow, UnsafeBufferPointer(rebasing: noiseRow[offset ..< offset + n])) { $0 + shift * $1 }
                                    }
                                }
                                try oracle.solve(&input, row: b, into: sampleRows.slice(row: b, columns: offset ..< offset + n))
                            }
                        }
                    }
                }
            }
        } catch {
            throw LayerError(error)
        }
        let noiseMatrix = Matrix(rows: total, columns: n, values: noiseValues)
        let sampleMatrix = Matrix(rows: total, columns: n, values: sampleValues)
        let tape = SolverTape(layer: identity, theta: theta, noise: noiseMatrix, samples: sampleMatrix,
                              sampleCount: count, output: output, step: currentStep)
        switch output {
        case .perSample: return (sampleMatrix, tape)
        case .mean: return (Self.sampleMean(sampleMatrix, samples: count), tape)
        }
    }

    /// The per-row mean of (B · S) × n samples.
    static func sampleMean(_ samples: Matrix, samples count: Int) -> Matrix {
        let n = samples.columns, rows = samples.rows / count
        var mean = [Float](repeating: 0, count: rows * n)
        let scale = 1 / Float(count)
        for b in 0..<rows {
            for s in 0..<count {
                let offset = (b * count + s) * n
                for j in 0..<n { mean[b * n + j] += samples.values[offset + j] }
            }
            for j in 0..<n { mean[b * n + j] *= scale }
        }
        return Matrix(rows: rows, columns: n, values: mean)
    }

    func validateConfiguration() throws(LayerError) {
        if samples < 1 {
            throw LayerError(.invalidConfiguration, "the number of samples must be at least 1 (got \(samples))")
        }
        if !forwardTemperature.isFinite || forwardTemperature < 0 {
            throw LayerError(.invalidConfiguration, "the forward temperature must be finite and ≥ 0 (got \(forwardTemperature))")
        }
        if !targetTemperature.isFinite || targetTemperature < 0 {
            throw LayerError(.invalidConfiguration, "the target temperature must be finite and ≥ 0 (got \(targetTemperature))")
        }
        if let floor = perturbationFloor, !floor.isFinite {
            throw LayerError(.invalidConfiguration, "the perturbation floor must be finite (got \(floor))")
        }
        if let problem = noise.configurationProblem ?? estimator.configurationProblem {
            throw LayerError(.invalidConfiguration, problem)
        }
    }

    func validateParameters(_ theta: Matrix) throws(LayerError) {
        try Self.validate(theta, named: "θ", rows: nil, columns: solver.variableCount)
    }

    static func validate(_ matrix: Matrix, named name: String, rows: Int?, columns: Int?) throws(LayerError) {
        guard matrix.isConsistent else {
            throw LayerError(.shapeMismatch, "\(name) has shape \(matrix.rows) × \(matrix.columns) but \(matrix.values.count) values")
        }
        if let rows, matrix.rows != rows {
            throw LayerError(.shapeMismatch, "\(name) has \(matrix.rows) rows; expected \(rows)")
        }
        if let columns, matrix.columns != columns {
            throw LayerError(.shapeMismatch, "\(name) has \(matrix.columns) columns; expected \(columns)")
        }
        if let bad = matrix.firstNonFiniteIndex {
            let columns = max(matrix.columns, 1)
            throw LayerError(.nonFiniteInput,
                             "\(name) contains \(matrix.values[bad]) at row \(bad / columns), column \(bad % columns)")
        }
    }
}
