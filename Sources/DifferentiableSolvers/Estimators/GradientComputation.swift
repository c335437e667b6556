/// The inputs of one backward pass and the estimators that consume them.
///
/// Works in the maximisation convention: φ = σ·θ with σ = +1 for a maximising solver and
/// −1 for a minimising one, so MAP_max(φ) = solver(σ·φ). An estimate g_φ is returned as
/// ∂L/∂θ = σ·g_φ. Perturbations ε enter as φ + τ·ε, i.e. θ + σ·τ·ε.
struct GradientComputation<Solver: MAPSolver>: Sendable {
    let solver: Solver
    let tape: SolverTape
    let upstream: Matrix
    let forwardTemperature: Float
    let targetTemperature: Float
    let parallelism: Parallelism
    let perturbationFloor: Float?

    var n: Int { tape.theta.columns }
    var sampleCount: Int { tape.sampleCount }
    var sign: Float { solver.sense.sign }

    /// The row of ∂L/∂z that belongs to sample `s` of row `b`.
    func upstreamOffset(row b: Int, sample s: Int) -> Int {
        tape.output == .perSample ? (b * sampleCount + s) * n : b * n
    }

    /// The factor that turns a sum of per-sample estimates into the vector–Jacobian product.
    var sampleReduction: Float { tape.output == .perSample ? 1 : 1 / Float(sampleCount) }

    /// IMLE and adaptive IMLE: finite differences of MAP states along ∂L/∂z.
    ///
    /// - Returns: ∂L/∂θ, the total number of non-zero entries of the differences (the L0
    ///   counts of Eq. 9, summed over all samples), and the sum and count of the steps λ of
    ///   the rows that took one.
    func finiteDifference(scheme: DifferenceScheme, step: FiniteDifferenceStep) throws(SolverError)
        -> (gradient: Matrix, nonZeros: Int, lambdaSum: Double, steppedRows: Int) {
        let n = self.n, count = sampleCount, sign = self.sign
        let theta = tape.theta.values, noise = tape.noise.values, samples = tape.samples.values
        let upstream = self.upstream.values
        let targetScale = step.targetScale
        let temperature = targetTemperature
        // The forward sample equals MAP(target + τ·ε) only when the target is φ itself
        // perturbed exactly as in the forward pass; then it is reused instead of re-solved.
        let reuseForward = targetScale == 1 && targetTemperature == forwardTemperature
        let reduction = sampleReduction
        let floor = perturbationFloor
        var nonZeros = 0, lambdaSum = 0.0, steppedRows = 0
        // Every worker writes its rows of ∂L/∂θ in place and returns its count of non-zeros
        // and the steps it took.
        let gradient = try RowBuffer.make(rows: tape.batchSize, width: n) { (gradientRows) throws(SolverError) in
            let counts = try parallelChunks(count: tape.batchSize, parallelism: parallelism) {
                (rows: Range<Int>) throws(SolverError) -> (nonZeros: Int, lambdaSum: Double, steppedRows: Int) in
                var oracle = PerturbedOracle(solver: solver, floor: floor)
                var base = [Float](repeating: 0, count: n)
                var input = [Float](repeating: 0, count: n)
                var upper = [Float](repeating: 0, count: n)
                var lower = [Float](repeating: 0, count: n)
                var nonZeros = 0, lambdaSum = 0.0, steppedRows = 0
                for b in rows {
                    let gradient = gradientRows.row(b)
                    gradient.update(repeating: 0)
                    let lambda = stepSize(step, row: b)
                    guard lambda > 0, lambda.isFinite else { continue }
                    lambdaSum += Double(lambda)
                    steppedRows += 1
                    let divisor = scheme == .central ? 2 * lambda : lambda
                    let scale = sign * reduction / divisor
                    for s in 0..<count {
                        let sampleOffset = (b * count + s) * n
                        let dy = upstreamOffset(row: b, sample: s)
                        theta.withValues(in: b * n ..< (b + 1) * n) { thetaRow in
                            noise.withValues(in: sampleOffset ..< sampleOffset + n) { noiseRow in
                                base.assign(thetaRow, noiseRow) { targetScale * sign * $0 + temperature * $1 }
                            }
                        }
                        // z_L: MAP(base + λ∇) for backward/central, the base state for forward.
                        if scheme == .forward {
                            if reuseForward {
                                for j in 0..<n { upper[j] = samples[sampleOffset + j] }
                            } else {
                                for j in 0..<n { input[j] = sign * base[j] }
                                try oracle.solve(&input, row: b, into: &upper)
                            }
                        } else {
                            base.withValues(in: 0..<n) { base in
                                upstream.withValues(in: dy ..< dy + n) { input.assign(base, $0) { sign * ($0 + lambda * $1) } }
                            }
                            try oracle.solve(&input, row: b, into: &upper)
                        }
                        // z_R: MAP(base − λ∇) for forward/central, the base state for backward.
                        if scheme == .backward && reuseForward {
                            for j in 0..<n { lower[j] = samples[sampleOffset + j] }
                        } else {
                            let direction: Float = scheme == .backward ? 0 : -lambda
                            base.withValues(in: 0..<n) { base in
                                upstream.withValues(in: dy ..< dy + n) { input.assign(base, $0) { sign * ($0 + direction * $1) } }
                            }
                            try oracle.solve(&input, row: b, into: &lower)
                        }
                        // Zero differences add nothing (not even 0 · scale, which an infinite
                        // scale would turn into NaN); written as selects, the loop vectorises.
                        upper.withValues(in: 0..<n) { upper in
                            lower.withValues(in: 0..<n) { lower in
                                // A 32-bit count keeps the loop in vector lanes (n < 2³² per row).
                                var count: UInt32 = 0
                                for j in 0 ..< min(gradient.count, upper.count, lower.count) {
                                    let difference = upper[j] - lower[j]
                                    count &+= difference != 0 ? 1 : 0
                                    gradient[j] += difference != 0 ? scale * difference : 0
                                }
                                nonZeros += Int(count)
                            }
                        }
                    }
                }
                return (nonZeros, lambdaSum, steppedRows)
            }
            for chunk in counts {
                nonZeros += chunk.nonZeros
                lambdaSum += chunk.lambdaSum
                steppedRows += chunk.steppedRows
            }
        }
        return (Matrix(rows: tape.batchSize, columns: n, values: gradient), nonZeros, lambdaSum, steppedRows)
    }

    /// λ for row `b`: fixed, or Eq. 8 averaged over the row's samples as in Algorithm 1.
    func stepSize(_ step: FiniteDifferenceStep, row b: Int) -> Float {
        switch step {
        case .fixed(let lambda, _):
            return lambda
        case .adaptive(let alpha, let fallbackThetaNorm):
            guard alpha > 0 else { return 0 }
            let rowNorm = norm(tape.theta.values, from: b * n, count: n)
            let thetaNorm = rowNorm > 0 ? rowNorm : fallbackThetaNorm
            var ratioSum = 0.0, used = 0
            for s in 0..<sampleCount {
                let dyNorm = norm(upstream.values, from: upstreamOffset(row: b, sample: s), count: n)
                if dyNorm > 0 { ratioSum += thetaNorm / dyNorm; used += 1 }
            }
            return used == 0 ? 0 : Float(alpha * ratioSum / Double(used))
        }
    }

    func norm(_ values: [Float], from offset: Int, count: Int) -> Double {
        var sum = 0.0
        for j in offset ..< offset + count { sum += Double(values[j]) * Double(values[j]) }
        return sum.squareRoot()
    }
}
