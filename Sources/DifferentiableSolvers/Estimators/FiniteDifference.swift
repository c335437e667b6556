/// The target distribution of the IMLE family (torch-imle's `TargetDistribution`): the
/// perturbed MAP distribution with parameters `scale · φ − λ_b · ∂L/∂z` for instance b, whose
/// finite difference against the forward distribution estimates the gradient.
///
/// IMLE and blackbox use one fixed λ for every instance; adaptive IMLE computes λ_b by
/// Eq. 8 (see ``AdaptiveIMLE``). An instance with λ_b = 0 (or not finite) takes no step
/// and gets a zero gradient.
struct TargetDistribution: Sendable {
    /// The scale of φ in the target parameters (1 in the IMLE paper).
    var scale: Float
    /// The step λ_b of every instance.
    var lambdas: [Float]

    /// One step λ for all `batchSize` instances.
    init(scale: Float = 1, lambda: Float, batchSize: Int) {
        self.scale = scale
        lambdas = [Float](repeating: lambda, count: batchSize)
    }

    /// A step per instance.
    init(scale: Float = 1, lambdas: [Float]) {
        self.scale = scale
        self.lambdas = lambdas
    }
}

extension BackwardPass {
    /// The IMLE family's estimate: the finite difference of MAP states along ∂L/∂z between
    /// the forward distribution and the `target` distribution, with the statistics of the
    /// pass (the mean λ, the mean L0 count per informative sample, the silent rows).
    ///
    /// - Throws: ``LayerError`` wrapping a solver failure.
    func finiteDifference(scheme: DifferenceScheme, target: TargetDistribution) throws(LayerError) -> BackwardEstimate {
        let result: (gradient: Matrix, nonZeros: Int, lambdaSum: Double, steppedRows: Int)
        do throws(SolverError) {
            result = try finiteDifferenceSum(scheme: scheme, target: target)
        } catch {
            throw LayerError(error)
        }
        let (informativeSamples, silent) = signalCounts()
        let statistics = BackwardStatistics(
            meanLambda: result.steppedRows > 0 ? result.lambdaSum / Double(result.steppedRows) : 0,
            meanNonZeros: informativeSamples > 0 ? Double(result.nonZeros) / Double(informativeSamples) : 0,
            silentRows: silent, informativeSamples: informativeSamples)
        return BackwardEstimate(gradient: result.gradient, statistics: statistics)
    }

    /// The samples whose ∂L/∂z is not zero, and the rows none of whose samples has one.
    ///
    /// A sample with ∂L/∂z = 0 has no finite difference whatever λ is, and a silent row says
    /// nothing about how large λ should be: adaptive IMLE averages its sparsity signal
    /// (Eq. 9) over the informative samples only, instead of counting empty differences as
    /// "too sparse" — which would drive α up without bound once the loss is satisfied.
    /// With mean output a row's samples share one ∂L/∂z̄.
    func signalCounts() -> (informativeSamples: Int, silentRows: Int) {
        var informative = 0, silent = 0
        for b in 0..<batchSize {
            var rowInformative = 0
            for s in 0..<sampleCount where upstream[row: b, sample: s].contains(where: { $0 != 0 }) {
                rowInformative += 1
            }
            informative += rowInformative
            if rowInformative == 0 { silent += 1 }
        }
        return (informative, silent)
    }

    /// Finite differences of MAP states along ∂L/∂z:
    /// * forward:  [MAP(t + ε) − MAP(t + ε − λ∇)] / λ,
    /// * backward: [MAP(t + ε + λ∇) − MAP(t + ε)] / λ,
    /// * central:  [MAP(t + ε + λ∇) − MAP(t + ε − λ∇)] / (2λ),
    /// with t = scale · φ the target's parameters and ε the forward noise at the target temperature.
    ///
    /// - Returns: ∂L/∂θ, the total number of non-zero entries of the differences (the L0
    ///   counts of Eq. 9, summed over all samples), and the sum and count of the steps λ of
    ///   the rows that took one.
    private func finiteDifferenceSum(scheme: DifferenceScheme, target: TargetDistribution) throws(SolverError)
        -> (gradient: Matrix, nonZeros: Int, lambdaSum: Double, steppedRows: Int) {
        let n = self.n, count = sampleCount, sign = self.sign
        let theta = tape.theta.values, noise = tape.noise.values, samples = tape.samples.values
        let states = self.samples, upstream = self.upstream
        let upstreamValues = upstream.values
        let targetScale = target.scale, lambdas = target.lambdas
        let temperature = targetTemperature
        // The forward sample equals MAP(target + τ·ε) only when the target is φ itself
        // perturbed exactly as in the forward pass; then it is reused instead of re-solved.
        let reuseForward = targetScale == 1 && targetTemperature == forwardTemperature
        let reduction = sampleReduction
        let floor = perturbationFloor
        let solver = self.solver
        var nonZeros = 0, lambdaSum = 0.0, steppedRows = 0
        // Every worker writes its rows of ∂L/∂θ in place and returns its count of non-zeros
        // and the steps it took.
        let gradient = try RowBuffer.make(rows: batchSize, width: n) { (gradientRows) throws(SolverError) in
            let counts = try parallelChunks(count: batchSize, parallelism: parallelism) {
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
                    let lambda = lambdas[b]
                    guard lambda > 0, lambda.isFinite else { continue }
                    lambdaSum += Double(lambda)
                    steppedRows += 1
                    let divisor = scheme == .central ? 2 * lambda : lambda
                    let scale = sign * reduction / divisor
                    for s in 0..<count {
                        let sampleOffset = states.offset(row: b, sample: s)
                        let dy = upstream.offset(row: b, sample: s)
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
                                upstreamValues.withValues(in: dy ..< dy + n) { input.assign(base, $0) { sign * ($0 + lambda * $1) } }
                            }
                            try oracle.solve(&input, row: b, into: &upper)
                        }
                        // z_R: MAP(base − λ∇) for forward/central, the base state for backward.
                        if scheme == .backward && reuseForward {
                            for j in 0..<n { lower[j] = samples[sampleOffset + j] }
                        } else {
                            let direction: Float = scheme == .backward ? 0 : -lambda
                            base.withValues(in: 0..<n) { base in
                                upstreamValues.withValues(in: dy ..< dy + n) { input.assign(base, $0) { sign * ($0 + direction * $1) } }
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
        return (Matrix(rows: batchSize, columns: n, values: gradient), nonZeros, lambdaSum, steppedRows)
    }

    /// The Euclidean norm of `count` values from `offset`, accumulated in double precision.
    func norm(_ values: [Float], from offset: Int, count: Int) -> Double {
        var sum = 0.0
        for j in offset ..< offset + count { sum += Double(values[j]) * Double(values[j]) }
        return sum.squareRoot()
    }
}
