/// Direct loss minimisation through argmax (Lorberbom et al. 2019, Theorem 2; McAllester et
/// al. 2010).
///
/// **Target distribution.** With z = MAP(φ + γ) the sampled state and ε the perturbation, the
/// estimate of ∇φ E[L(z)] is (z − z_ε) / ε where z_ε maximises the loss-augmented objective
/// ⟨z′, φ + γ⟩ − ε · L(z′). (Maximising f = −L: this is the paper's [∇h(z_ε) − ∇h(z)] / ε
/// with the sign of a loss.)
///
/// * ``Mode-swift.enum/firstOrder``: L is linearised, L(z′) ≈ ⟨∂L/∂z, z′⟩, so
///   z_ε = MAP(φ + γ − ε ∂L/∂z) — one solver call per sample (the same estimate as forward
///   IMLE with λ = ε).
/// * ``Mode-swift.enum/exact(blockSize:)``: L itself is evaluated on candidates. The latent
///   is a sequence of blocks of `blockSize` entries, each one-hot or a k-subset; for every
///   block and every one-slot change of it (moving one selected entry to an unselected
///   position) the caller's scorer (``BackwardContext/scorer``) returns L, and each block
///   takes its loss-augmented argmax with the other blocks fixed — the paper's Algorithm 1
///   for one categorical latent, and its low-dimensional approximation (§4.1) for several.
///
/// ```swift
/// let estimator: any GradientEstimator = .directLoss(DirectLoss(mode: .exact(blockSize: 10), epsilon: .paper))
/// let dTheta = try layer.backward(dLdz, tape, context: BackwardContext(scorer: { candidates, rows in
///     decoderLoss(candidates, rows)
/// }))
/// ```
public struct DirectLoss: GradientEstimator, Hashable, Codable {
    /// How the loss-perturbed state is found.
    public enum Mode: Sendable, Hashable, Codable {
        /// Linearise the loss with ∂L/∂z.
        case firstOrder
        /// Evaluate the loss on every one-slot change of each block of `blockSize` entries.
        case exact(blockSize: Int)
    }

    /// How the loss-perturbed state is found.
    public var mode: Mode
    /// The perturbation ε (constant or annealed with the layer's step).
    public var epsilon: EpsilonSchedule

    /// Creates the estimator.
    public init(mode: Mode = .firstOrder, epsilon: EpsilonSchedule = .constant(1)) {
        self.mode = mode
        self.epsilon = epsilon
    }

    /// "direct loss (first-order)" or "direct loss (exact)".
    public var name: String {
        switch mode {
        case .firstOrder: "direct loss (first-order)"
        case .exact: "direct loss (exact)"
        }
    }

    /// Why the settings cannot work, or `nil`.
    public var configurationProblem: String? {
        if case .exact(let blockSize) = mode, blockSize < 2 {
            return "exact direct loss needs blocks of at least 2 entries (got \(blockSize))"
        }
        return epsilon.configurationProblem
    }

    /// (z − z_ε) / ε with ε at the tape's step.
    ///
    /// - Throws: ``LayerError`` for a missing or failing scorer (exact mode), states that are
    ///   not 0/1 blocks, or a solver failure.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let epsilon = Float(self.epsilon.value(atStep: pass.tape.step))
        switch mode {
        case .firstOrder:
            return try pass.finiteDifference(scheme: .forward, target: TargetDistribution(lambda: epsilon, batchSize: pass.batchSize))
        case .exact(let blockSize):
            guard let scorer = context.scorer else {
                throw LayerError(.missingSampleLosses, "exact direct loss needs a scorer for candidate states")
            }
            return BackwardEstimate(gradient: try Self.exactSearch(pass, blockSize: blockSize, epsilon: epsilon, scorer: scorer))
        }
    }

    /// Exact direct loss minimisation: for every sample, the loss-augmented argmax over
    /// one-slot changes of each block.
    static func exactSearch<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, blockSize: Int, epsilon: Float,
                                               scorer: CandidateScorer) throws(LayerError) -> Matrix {
        let n = pass.variableCount, count = pass.sampleCount, rows = pass.batchSize, sign = pass.sign
        guard n % blockSize == 0 else {
            throw LayerError(.invalidConfiguration, "exact direct loss: \(n) variables do not split into blocks of \(blockSize)")
        }
        // The sampled states (re-solved when the target perturbation differs from the forward one).
        let states: [Float]
        if pass.targetTemperature == pass.forwardTemperature {
            states = pass.samples.values
        } else {
            states = try pass.solveTargetBases()
        }
        // Candidates: each sample's own state, then every one-slot move within each block.
        var candidates: [Float] = []
        var owners: [Int] = []
        var moves: [(sample: Int, from: Int, to: Int)] = []
        for sample in 0..<rows * count {
            let z = Array(states[sample * n ..< (sample + 1) * n])
            candidates += z
            owners.append(sample / count)
            for block in stride(from: 0, to: n, by: blockSize) {
                let range = block ..< block + blockSize
                guard range.allSatisfy({ z[$0] == 0 || z[$0] == 1 }), range.contains(where: { z[$0] == 1 }) else {
                    throw LayerError(.invalidConfiguration,
                                     "exact direct loss needs 0/1 states with a selected entry in every block of \(blockSize)")
                }
                for from in range where z[from] == 1 {
                    for to in range where z[to] == 0 {
                        var moved = z
                        moved[from] = 0
                        moved[to] = 1
                        candidates += moved
                        owners.append(sample / count)
                        moves.append((sample, from, to))
                    }
                }
            }
        }
        let total = owners.count
        let losses: [Float]
        do {
            losses = try scorer(Matrix(rows: total, columns: n, values: candidates), owners)
        } catch {
            throw LayerError(.invalidConfiguration, "the candidate scorer failed: \(error)")
        }
        guard losses.count == total else {
            throw LayerError(.shapeMismatch, "the candidate scorer returned \(losses.count) losses for \(total) candidates")
        }
        if let bad = losses.firstIndex(where: { !$0.isFinite }) {
            throw LayerError(.nonFiniteInput, "the candidate scorer returned \(losses[bad]) for candidate \(bad)")
        }
        // Per sample and block, the best loss-augmented change ⟨Δz, φ + γ⟩ − ε ΔL (0 = stay).
        let theta = pass.theta.values, noise = pass.noise, temperature = pass.targetTemperature
        var gradient = [Float](repeating: 0, count: rows * n)
        var best = [Double](repeating: 0, count: n / blockSize)
        var choice = [(from: Int, to: Int)?](repeating: nil, count: n / blockSize)
        var cursor = 0, moveIndex = 0
        let scale = sign * pass.sampleReduction / epsilon
        for sample in 0..<rows * count {
            let b = sample / count, s = sample % count
            let ownLoss = Double(losses[cursor])
            cursor += 1
            for i in best.indices { best[i] = 0; choice[i] = nil }
            while moveIndex < moves.count && moves[moveIndex].sample == sample {
                let (_, from, to) = moves[moveIndex]
                let base = { (j: Int) in Double(sign) * Double(theta[b * n + j])
                    + Double(temperature) * Double(noise[row: b, sample: s, column: j]) }
                let gain = base(to) - base(from) - Double(epsilon) * (Double(losses[cursor]) - ownLoss)
                if gain > best[from / blockSize] {
                    best[from / blockSize] = gain
                    choice[from / blockSize] = (from, to)
                }
                cursor += 1
                moveIndex += 1
            }
            // (z − z_ε) / ε: +1 where z_ε leaves an entry, −1 where it enters one.
            for case let (from, to)? in choice {
                gradient[b * n + from] += scale
                gradient[b * n + to] -= scale
            }
        }
        return Matrix(rows: rows, columns: n, values: gradient)
    }
}

/// The settings of direct loss minimisation are the estimator itself; the name used before
/// the estimator protocol.
public typealias DirectLossConfiguration = DirectLoss

extension GradientEstimator where Self == DirectLoss {
    /// Direct loss minimisation with the given settings; the exact mode needs a scorer in the
    /// backward context.
    public static func directLoss(_ configuration: DirectLoss) -> DirectLoss { configuration }
}
