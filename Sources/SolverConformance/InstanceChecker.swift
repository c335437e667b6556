import DifferentiableSolvers

/// Runs the configured checks on one instance.
struct InstanceChecker<Solver: MAPSolver> {
    let instance: ConformanceInstance<Solver>
    let index: Int
    let configuration: ConformanceConfiguration

    private var solver: Solver { instance.solver }
    private var theta: [[Float]] { instance.theta }

    func run(into report: inout ConformanceReport) throws(ConformanceFailure) {
        try validateSetup()
        let checks = configuration.checks
        let solutions = try solveBatch(solver, theta, parallelism: .serial, check: .feasibility)
        if checks.contains(.feasibility) {
            try checkFeasible(solutions, check: .feasibility)
            report.record(.feasibility)
        }
        if checks.contains(.optimality) {
            try checkOptimal(solutions, check: .optimality)
            report.record(.optimality)
        }
        if checks.contains(.sense), let opposite = instance.oppositeSense {
            try checkSense(opposite)
            report.record(.sense)
        }
        if checks.contains(.batchConsistency) {
            try checkBatchConsistency(solutions)
            report.record(.batchConsistency)
        }
        if checks.contains(.completeWrites) {
            try checkCompleteWrites(solutions)
            report.record(.completeWrites)
        }
        if checks.contains(.determinism) {
            let again = try solveBatch(solver, theta, parallelism: .serial, check: .determinism)
            try expectIdentical(again, solutions, check: .determinism, "a second solve of the same batch differs")
            report.record(.determinism)
        }
        if checks.contains(.threadIndependence) {
            try checkThreadIndependence(solutions)
            report.record(.threadIndependence)
        }
        if checks.contains(.badInput) {
            try checkBadInput()
            report.record(.badInput)
        }
    }

    // MARK: - Setup

    private func validateSetup() throws(ConformanceFailure) {
        guard let length = theta.first?.count else {
            throw ConformanceFailure(nil, "the instance has no θ rows")
        }
        guard length > 0, theta.allSatisfy({ $0.count == length }) else {
            throw ConformanceFailure(nil, "the instance's θ rows must be non-empty and of equal length")
        }
        if let expected = solver.variableCount, expected != length {
            throw ConformanceFailure(nil, "θ rows have \(length) entries but the solver expects \(expected)")
        }
        guard !instance.feasibleStates.isEmpty else {
            throw ConformanceFailure(nil, "the instance has no feasible states")
        }
    }

    // MARK: - Feasibility, optimality, sense

    private func checkFeasible(_ solutions: [[Float]], check: ConformanceCheck) throws(ConformanceFailure) {
        let feasible = Set(instance.feasibleStates)
        for (row, z) in solutions.enumerated() where !feasible.contains(z) {
            throw ConformanceFailure(check, "solution \(z) for θ = \(theta[row]) is not a feasible state", row: row)
        }
    }

    private func checkOptimal(_ solutions: [[Float]], check: ConformanceCheck) throws(ConformanceFailure) {
        for (row, z) in solutions.enumerated() {
            let truth = try ExhaustiveSearch.optimum(of: theta[row], over: instance.feasibleStates, sense: solver.sense)
            let value = ExhaustiveSearch.objective(z, theta[row])
            guard abs(value - truth.value) <= configuration.relativeTolerance * max(1, abs(truth.value)) else {
                throw ConformanceFailure(
                    check,
                    "solution \(z) has objective \(value) but the \(solver.sense.rawValue) is \(truth.value) (at \(truth.state)) for θ = \(theta[row])",
                    row: row)
            }
        }
    }

    private func checkSense(_ opposite: Solver) throws(ConformanceFailure) {
        guard opposite.sense == solver.sense.flipped else {
            throw ConformanceFailure(.sense, "the opposite-sense solver declares sense \(opposite.sense.rawValue), like the solver itself")
        }
        let negated = theta.map { $0.map { -$0 } }
        let solutions = try solveBatch(opposite, negated, parallelism: .serial, check: .sense)
        try checkFeasible(solutions, check: .sense)
        for (row, z) in solutions.enumerated() {
            let truth = try ExhaustiveSearch.optimum(of: theta[row], over: instance.feasibleStates, sense: solver.sense)
            let value = ExhaustiveSearch.objective(z, theta[row])
            guard abs(value - truth.value) <= configuration.relativeTolerance * max(1, abs(truth.value)) else {
                throw ConformanceFailure(
                    .sense,
                    "the \(opposite.sense.rawValue) form on −θ returned \(z) with ⟨z, θ⟩ = \(value); the \(solver.sense.rawValue) form's optimum is \(truth.value) for θ = \(theta[row])",
                    row: row)
            }
        }
    }

    // MARK: - Batching, writes, threads

    private func checkBatchConsistency(_ solutions: [[Float]]) throws(ConformanceFailure) {
        for (row, values) in theta.enumerated() {
            let single: [Float]
            do throws(SolverError) {
                single = try solver.solve(row: values)
            } catch {
                throw ConformanceFailure(.batchConsistency, "solve(row:) threw \(error) where the batch succeeded", row: row)
            }
            try expectIdentical([single], [solutions[row]], check: .batchConsistency,
                                "solve(row:) gives \(single) but solveBatch gives \(solutions[row])", row: row)
        }
        for order in [Array(theta.indices), theta.indices.reversed()] {
            var workspace = solver.makeWorkspace()
            for row in order {
                let direct = try solveDirectly(theta[row], prefill: 0, workspace: &workspace, check: .batchConsistency, row: row)
                try expectIdentical([direct], [solutions[row]], check: .batchConsistency,
                                    "solve(_:into:workspace:) with a reused workspace gives \(direct) but solveBatch gives \(solutions[row])",
                                    row: row)
            }
        }
    }

    private func checkCompleteWrites(_ solutions: [[Float]]) throws(ConformanceFailure) {
        for (row, values) in theta.enumerated() {
            for garbage in [Float.nan, 7] {
                var workspace = solver.makeWorkspace()
                let direct = try solveDirectly(values, prefill: garbage, workspace: &workspace, check: .completeWrites, row: row)
                try expectIdentical([direct], [solutions[row]], check: .completeWrites,
                                    "with the solution buffer prefilled with \(garbage) the solver returned \(direct); some entries were not written",
                                    row: row)
            }
        }
    }

    private func checkThreadIndependence(_ solutions: [[Float]]) throws(ConformanceFailure) {
        // Tile the rows so that every worker gets some.
        let copies = max(1, (4 * (configuration.threadCounts.max() ?? 1) + theta.count - 1) / theta.count)
        let tiled = Array(repeatElement(theta, count: copies).joined())
        let expected = Array(repeatElement(solutions, count: copies).joined())
        for threads in configuration.threadCounts {
            let result = try solveBatch(solver, tiled, parallelism: .threads(threads), check: .threadIndependence)
            try expectIdentical(result, expected, check: .threadIndependence,
                                "solveBatch on \(threads) threads differs from the serial solve")
        }
    }

    // MARK: - Bad input

    private func checkBadInput() throws(ConformanceFailure) {
        let row = theta[0], n = row.count
        for poison in [Float.nan, .infinity, -.infinity] {
            var bad = row
            bad[n / 2] = poison
            try expectError(Matrix(stacking: [row, bad]), kind: .nonFiniteParameter, "θ containing \(poison) at entry \(n / 2)")
        }
        try expectError(Matrix(rows: 2, columns: n, values: row), kind: .shapeMismatch,
                        "a 2 × \(n) batch holding only \(n) values")
        if let expected = solver.variableCount {
            try expectError(Matrix(stacking: [row + [0]]), kind: .shapeMismatch, "a row of \(expected + 1) entries")
            if expected > 1 {
                try expectError(Matrix(stacking: [Array(row.dropLast())]), kind: .shapeMismatch,
                                "a row of \(expected - 1) entries")
            }
        }
    }

    private func expectError(_ batch: Matrix, kind: SolverError.Kind, _ what: String) throws(ConformanceFailure) {
        let outcome = Result { () throws(SolverError) in try solver.solveBatch(batch, parallelism: .serial) }
        switch outcome {
        case .success(let result):
            throw ConformanceFailure(.badInput, "\(what) was accepted (returned \(result.rows) rows) instead of throwing \(kind.rawValue)")
        case .failure(let error) where error.kind != kind:
            throw ConformanceFailure(.badInput, "\(what) threw \(error.kind.rawValue) (\(error.message)); expected \(kind.rawValue)")
        case .failure:
            return
        }
    }

    // MARK: - Helpers

    private func solveBatch(_ solver: Solver, _ rows: [[Float]], parallelism: Parallelism,
                            check: ConformanceCheck) throws(ConformanceFailure) -> [[Float]] {
        let result: Matrix
        do throws(SolverError) {
            result = try solver.solveBatch(Matrix(stacking: rows), parallelism: parallelism)
        } catch {
            throw ConformanceFailure(check, "solveBatch threw \(error) on valid input", row: error.row)
        }
        guard result.rows == rows.count, result.columns == rows[0].count, result.isConsistent else {
            throw ConformanceFailure(check, "solveBatch returned a \(result.rows) × \(result.columns) matrix for a \(rows.count) × \(rows[0].count) batch")
        }
        return result.rowArrays
    }

    private func solveDirectly(_ values: [Float], prefill: Float, workspace: inout Solver.Workspace,
                               check: ConformanceCheck, row: Int) throws(ConformanceFailure) -> [Float] {
        var output = [Float](repeating: prefill, count: values.count)
        var span = output.mutableSpan
        do throws(SolverError) {
            try solver.solve(values.span, into: &span, workspace: &workspace)
        } catch {
            throw ConformanceFailure(check, "solve(_:into:workspace:) threw \(error) on valid input", row: row)
        }
        return output
    }

    private func expectIdentical(_ actual: [[Float]], _ expected: [[Float]], check: ConformanceCheck,
                                 _ message: @autoclosure () -> String, row: Int? = nil) throws(ConformanceFailure) {
        // Bitwise-equal up to the sign of zero; NaN never equals anything.
        guard actual.count == expected.count,
              zip(actual, expected).allSatisfy({ $0.count == $1.count && zip($0, $1).allSatisfy { $0 == $1 } }) else {
            throw ConformanceFailure(check, message(), row: row)
        }
    }
}
