extension GradientComputation {
    /// The samples whose ∂L/∂z is not zero, and the rows none of whose samples has one.
    ///
    /// A sample with ∂L/∂z = 0 has no finite difference whatever λ is, and a silent row says
    /// nothing about how large λ should be: adaptive IMLE averages its sparsity signal
    /// (Eq. 9) over the informative samples only, instead of counting empty differences as
    /// "too sparse" — which would drive α up without bound once the loss is satisfied.
    /// With mean output a row's samples share one ∂L/∂z̄.
    func signalCounts() -> (informativeSamples: Int, silentRows: Int) {
        let n = self.n, count = sampleCount
        let values = upstream.values
        var informative = 0, silent = 0
        for b in 0..<tape.batchSize {
            var rowInformative = 0
            for s in 0..<count {
                let start = upstreamOffset(row: b, sample: s)
                if values[start ..< start + n].contains(where: { $0 != 0 }) { rowInformative += 1 }
            }
            informative += rowInformative
            if rowInformative == 0 { silent += 1 }
        }
        return (informative, silent)
    }

    /// The root-mean-square norm of θ's rows: the λ of Eq. 8 for a row whose θ is zero.
    func rootMeanSquareRowNorm() -> Double {
        guard tape.batchSize > 0 else { return 0 }
        return norm(tape.theta.values, from: 0, count: tape.theta.values.count) / Double(tape.batchSize).squareRoot()
    }

    /// ``finiteDifference(scheme:step:)`` with the statistics of the pass: the mean λ, the
    /// mean L0 count per informative sample, and the silent rows.
    func finiteDifferenceWithStatistics(
        scheme: DifferenceScheme, step: FiniteDifferenceStep
    ) throws(SolverError) -> (gradient: Matrix, statistics: BackwardStatistics) {
        let result = try finiteDifference(scheme: scheme, step: step)
        let (informativeSamples, silent) = signalCounts()
        let statistics = BackwardStatistics(
            meanLambda: result.steppedRows > 0 ? result.lambdaSum / Double(result.steppedRows) : 0,
            meanNonZeros: informativeSamples > 0 ? Double(result.nonZeros) / Double(informativeSamples) : 0,
            silentRows: silent)
        return (result.gradient, statistics)
    }
}
