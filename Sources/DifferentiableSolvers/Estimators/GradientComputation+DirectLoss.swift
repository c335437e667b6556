/// Scores candidate states for exact direct loss minimisation: given candidates (one per
/// row of the matrix) and, for each, the batch row it belongs to, returns the downstream
/// loss of every candidate. Called once per backward pass, on the caller's thread, with all
/// candidates of the batch, so that a decoder can score them in one batched pass.
public typealias CandidateScorer = (_ candidates: Matrix, _ rows: [Int]) throws -> [Float]

extension GradientComputation {
    /// Exact direct loss minimisation: for every sample, the loss-augmented argmax over
    /// one-slot changes of each block (see ``DirectLossConfiguration``).
    func exactDirectLoss(blockSize: Int, epsilon: Float, scorer: CandidateScorer) throws(LayerError) -> Matrix {
        let n = self.n, count = sampleCount, rows = tape.batchSize
        guard n % blockSize == 0 else {
            throw LayerError(.invalidConfiguration, "exact direct loss: \(n) variables do not split into blocks of \(blockSize)")
        }
        // The sampled states (re-solved when the target perturbation differs from the forward one).
        let states: [Float]
        if targetTemperature == forwardTemperature {
            states = tape.samples.values
        } else {
            states = try solveBases()
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
        var gradient = [Float](repeating: 0, count: rows * n)
        var best = [Double](repeating: 0, count: n / blockSize)
        var choice = [(from: Int, to: Int)?](repeating: nil, count: n / blockSize)
        var cursor = 0, moveIndex = 0
        let scale = sign * sampleReduction / epsilon
        for sample in 0..<rows * count {
            let b = sample / count
            let ownLoss = Double(losses[cursor])
            cursor += 1
            for i in best.indices { best[i] = 0; choice[i] = nil }
            while moveIndex < moves.count && moves[moveIndex].sample == sample {
                let (_, from, to) = moves[moveIndex]
                let base = { (j: Int) in Double(self.sign) * Double(self.tape.theta.values[b * n + j])
                    + Double(self.targetTemperature) * Double(self.tape.noise.values[sample * n + j]) }
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

    /// MAP(φ + τ_target · ε) for every sample.
    func solveBases() throws(LayerError) -> [Float] {
        var oracle = PerturbedOracle(solver: solver, floor: perturbationFloor)
        var input = [Float](repeating: 0, count: n)
        return try RowBuffer.make(rows: tape.batchSize * sampleCount, width: n) { (states) throws(LayerError) in
            for sample in 0 ..< tape.batchSize * sampleCount {
                let b = sample / sampleCount
                for j in 0..<n {
                    input[j] = tape.theta.values[b * n + j] + sign * targetTemperature * tape.noise.values[sample * n + j]
                }
                do throws(SolverError) { try oracle.solve(&input, row: b, into: states.row(sample)) } catch { throw LayerError(error) }
            }
        }
    }
}
