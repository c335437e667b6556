extension MAPSolver {
    /// Solves every row of `theta` (B × ``variableCount``) and returns the B solutions.
    ///
    /// Validates the shape and finiteness of θ, then solves the rows in parallel; the result
    /// does not depend on `parallelism`.
    ///
    /// - Throws: ``SolverError`` naming the offending row and entry.
    /// - Complexity: B solves spread over `parallelism.threads` workers.
    public func solveBatch(_ theta: Matrix, parallelism: Parallelism) throws(SolverError) -> Matrix {
        try validateBatch(theta)
        return try solveValidatedRows(theta, parallelism: parallelism)
    }

    /// Solves a batch on all cores.
    public func solveBatch(_ theta: Matrix) throws(SolverError) -> Matrix {
        try solveBatch(theta, parallelism: .automatic)
    }

    /// Solves a single instance given as an array.
    ///
    /// - Throws: ``SolverError`` when θ has the wrong length, is not finite, or the
    ///   instance has no solution.
    public func solve(row theta: [Float]) throws(SolverError) -> [Float] {
        try solveBatch(Matrix(rows: 1, columns: theta.count, values: theta), parallelism: .serial).values
    }

    /// The objective ⟨z, θ⟩ in double precision.
    public func objective(of solution: [Float], at theta: [Float]) -> Double {
        zip(solution, theta).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Checks that `theta` is a consistent B × n batch (n = ``variableCount`` when declared) of finite values.
    ///
    /// - Throws: ``SolverError`` of kind `.shapeMismatch` or `.nonFiniteParameter`.
    public func validateBatch(_ theta: Matrix) throws(SolverError) {
        guard theta.isConsistent else {
            throw SolverError(.shapeMismatch,
                              "θ has shape \(theta.rows) × \(theta.columns) but \(theta.values.count) values")
        }
        if let expected = variableCount, theta.columns != expected {
            throw SolverError(.shapeMismatch,
                              "θ rows have \(theta.columns) entries; this solver expects \(expected)")
        }
        if let bad = theta.firstNonFiniteIndex {
            throw SolverError(.nonFiniteParameter, "θ contains \(theta.values[bad])",
                              row: bad / max(theta.columns, 1), index: bad % max(theta.columns, 1))
        }
    }

    /// Solves the rows of an already validated batch in parallel, one workspace per worker.
    package func solveValidatedRows(_ theta: Matrix, parallelism: Parallelism) throws(SolverError) -> Matrix {
        let n = theta.columns
        let chunks = try parallelChunks(count: theta.rows, parallelism: parallelism) {
            (rows: Range<Int>) throws(SolverError) -> [Float] in
            var workspace = makeWorkspace()
            // Each row is solved straight into its place in the chunk's output.
            var output = [Float](repeating: 0, count: rows.count * n)
            let input = theta.values.span
            try output.withUnsafeMutableBufferPointer { (buffer) throws(SolverError) in
                for r in rows {
                    let base = (r - rows.lowerBound) * n
                    let slot = UnsafeMutableBufferPointer(rebasing: buffer[base ..< base + n])
                    var rowSpan = slot.mutableSpan
                    do throws(SolverError) {
                        try solve(input.extracting(r * n ..< (r + 1) * n), into: &rowSpan, workspace: &workspace)
                    } catch {
                        throw error.inRow(r)
                    }
                }
            }
            return output
        }
        return Matrix(rows: theta.rows, columns: n, values: concatenated(chunks))
    }
}
