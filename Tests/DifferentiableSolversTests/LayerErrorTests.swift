import CombinatorialSolvers
import DifferentiableSolvers
import Testing

@Suite("Layer errors on bad input")
struct LayerErrorTests {
    let theta = normalMatrix(rows: 2, columns: 5, seed: 1)

    func forwardError(_ layer: DifferentiableSolverLayer<TopK>, _ theta: Matrix) -> LayerError? {
        var layer = layer
        do { _ = try layer.forward(theta); return nil } catch { return error }
    }

    @Test("non-finite θ is rejected with its position")
    func nonFiniteTheta() {
        for bad in [Float.nan, .infinity, -.infinity] {
            var theta = self.theta
            theta[1, 3] = bad
            let error = forwardError(DifferentiableSolverLayer(solver: TopK(k: 2)), theta)
            #expect(error?.kind == .nonFiniteInput)
            #expect(error?.message.contains("row 1, column 3") == true)
        }
    }

    @Test("inconsistent θ shapes and invalid settings are rejected")
    func shapesAndSettings() {
        let ragged = Matrix(rows: 2, columns: 5, values: [1, 2, 3])
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2)), ragged)?.kind == .shapeMismatch)
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2), samples: 0), theta)?.kind == .invalidConfiguration)
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2), estimator: .imle(lambda: 0)), theta)?.kind
                == .invalidConfiguration)
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2), estimator: .imle(lambda: .nan)), theta)?.kind
                == .invalidConfiguration)
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2), noise: .sumOfGamma(k: 0)), theta)?.kind
                == .invalidConfiguration)
        #expect(forwardError(DifferentiableSolverLayer(solver: TopK(k: 2), forwardTemperature: -1), theta)?.kind
                == .invalidConfiguration)
    }

    @Test("k out of range is the solver's typed error, passed through with its row")
    func kOutOfRange() {
        for k in [0, 6] {
            let error = forwardError(DifferentiableSolverLayer(solver: TopK(k: k)), theta)
            #expect(error?.kind == .solverFailed)
            #expect(error?.solverError?.kind == .invalidStructure)
            #expect(error?.solverError?.row == 0)
        }
    }

    @Test("backward rejects wrong shapes, non-finite ∂L/∂z, foreign tapes and missing losses")
    func backwardErrors() throws {
        var layer = DifferentiableSolverLayer(solver: TopK(k: 2), samples: 3)
        var other = DifferentiableSolverLayer(solver: TopK(k: 2), samples: 3)
        let (z, tape) = try layer.forward(theta)
        let (_, foreignTape) = try other.forward(theta)
        func backwardError(_ dLdz: Matrix, _ tape: SolverTape, _ layer: DifferentiableSolverLayer<TopK>) -> LayerError? {
            do { _ = try layer.backward(dLdz, tape); return nil } catch { return error }
        }
        #expect(backwardError(z, tape, layer) == nil)
        #expect(backwardError(theta, tape, layer)?.kind == .shapeMismatch)   // B rows, not B·S
        var infinite = z
        infinite[4, 1] = .infinity
        #expect(backwardError(infinite, tape, layer)?.kind == .nonFiniteInput)
        #expect(backwardError(z, foreignTape, layer)?.kind == .foreignTape)
        var score = layer
        score.estimator = .scoreFunction
        #expect(backwardError(z, tape, score)?.kind == .missingSampleLosses)
        #expect(throws: LayerError.self) { try score.backward(z, tape, context: BackwardContext(sampleLosses: [1, 2])) }
        #expect(throws: LayerError.self) {
            try score.backward(z, tape, context: BackwardContext(sampleLosses: [1, 2, 3, 4, 5, .nan]))
        }
    }

    @Test("an overflowing perturbation is a typed error, not garbage")
    func overflowingPerturbation() throws {
        var layer = DifferentiableSolverLayer(solver: TopK(k: 2), estimator: .imle(lambda: 1e30), samples: 1)
        let (z, tape) = try layer.forward(theta)
        let huge = Matrix(rows: z.rows, columns: z.columns, repeating: 1e30)
        #expect(throws: LayerError.self) { try layer.backward(huge, tape) }
    }
}

@Suite("Perturbation floor")
struct PerturbationFloorTests {
    @Test("perturbed costs below the floor are raised to it; without a floor the solver's domain error surfaces")
    func floor() throws {
        let solver = try GridShortestPath(height: 3, width: 3)
        let theta = Matrix(rows: 1, columns: 9, values: [0.1, 0.1, 0.1, 5, 5, 0.1, 5, 5, 0.1])
        var unclamped = DifferentiableSolverLayer(solver: solver, estimator: .imle(lambda: 1), noise: .gumbel,
                                                  samples: 20, seed: 1)
        #expect(throws: LayerError.self) { try unclamped.forward(theta) }
        var clamped = unclamped
        clamped.perturbationFloor = 0
        let (z, tape) = try clamped.forward(theta)
        #expect(z.rows == 20)
        // Every sample is a path from corner to corner.
        for r in 0..<z.rows { #expect(z[r, 0] == 1 && z[r, 8] == 1) }
        #expect(try clamped.backward(z, tape).values.allSatisfy(\.isFinite))
        var invalid = clamped
        invalid.perturbationFloor = .nan
        #expect(throws: LayerError.self) { try invalid.forward(theta) }
    }
}
