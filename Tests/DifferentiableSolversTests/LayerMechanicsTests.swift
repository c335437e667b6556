import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import Testing

@Suite("Layer mechanics")
struct LayerMechanicsTests {
    let theta = normalMatrix(rows: 3, columns: 8, seed: 5)
    let b = normalMatrix(rows: 1, columns: 8, seed: 6).values

    /// One forward and backward pass; returns z, ∂L/∂θ and the tape.
    func pass<S: MAPSolver>(_ layer: inout DifferentiableSolverLayer<S>, theta: Matrix? = nil,
                            output: SampleOutput = .perSample) throws -> (z: Matrix, gradient: Matrix) {
        let (z, tape) = try layer.forward(theta ?? self.theta, output: output)
        let losses = z.rowArrays.map { Float(squaredDistance($0, b)) }
        let gradient = try layer.backward(squaredDistanceGradient(z, b), tape,
                                          context: BackwardContext(sampleLosses: output == .perSample ? losses : nil))
        return (z, gradient)
    }

    @Test("forward and backward schemes reuse the forward state; central solves twice")
    func solverCallCounts() throws {
        let (rows, samples) = (theta.rows, 4)
        let expectations: [(any GradientEstimator, Float, Int)] = [
            (.imle(lambda: 1, scheme: .forward), 1, rows * samples),
            (.imle(lambda: 1, scheme: .backward), 1, rows * samples),
            (.imle(lambda: 1, scheme: .central), 1, 2 * rows * samples),
            (.aimle(AIMLEConfiguration(scheme: .forward, initialAlpha: 0.5)), 1, rows * samples),
            (.aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.5)), 1, 2 * rows * samples),
            // A target temperature other than the forward one makes the base state differ.
            (.imle(lambda: 1, scheme: .forward), 0.5, 2 * rows * samples),
            (.straightThrough, 1, 0),
        ]
        for (estimator, targetTemperature, backwardCalls) in expectations {
            let solver = CountingSolver(base: TopK(k: 3))
            var layer = DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: samples,
                                                  seed: 1, targetTemperature: targetTemperature)
            let (z, tape) = try layer.forward(theta)
            #expect(solver.counter.count == rows * samples)
            _ = try layer.backward(squaredDistanceGradient(z, b), tape)
            #expect(solver.counter.count == rows * samples + backwardCalls, "\(estimator.name)")
        }
    }

    @Test("central IMLE is the average of the forward and backward schemes")
    func centralIsAverage() throws {
        func gradient(_ scheme: DifferenceScheme) throws -> Matrix {
            var layer = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: .imle(lambda: 2, scheme: scheme),
                                                  samples: 5, seed: 9)
            return try pass(&layer).gradient
        }
        let forward = try gradient(.forward), backward = try gradient(.backward), central = try gradient(.central)
        #expect(central.values.contains { $0 != 0 })
        for j in central.values.indices {
            #expect(abs(central.values[j] - (forward.values[j] + backward.values[j]) / 2) < 1e-6)
        }
    }

    @Test("a minimiser gives the negated gradient of the equivalent maximiser over −θ",
          arguments: [.imle(lambda: 1, scheme: .forward), .imle(lambda: 1, scheme: .central),
                      .aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.3)), .straightThrough, .scoreFunction]
                      as [any GradientEstimator])
    func minimisation(estimator: any GradientEstimator) throws {
        var minimiser = DifferentiableSolverLayer(solver: TopK(k: 3, sense: .minimize), estimator: estimator,
                                                  samples: 6, seed: 4)
        var maximiser = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: estimator, samples: 6, seed: 4)
        let negated = Matrix(rows: theta.rows, columns: theta.columns, values: theta.values.map { -$0 })
        let minimum = try pass(&minimiser)
        let maximum = try pass(&maximiser, theta: negated)
        #expect(minimum.z == maximum.z)
        #expect(minimum.gradient.values.contains { $0 != 0 })
        #expect(minimum.gradient.values == maximum.gradient.values.map { -$0 })
    }

    @Test("results are bit-identical with 1, 2 and 8 threads",
          arguments: [.imle(lambda: 1, scheme: .central), .aimle(scheme: .central),
                      .aimle(AIMLEConfiguration(scheme: .forward, initialAlpha: 0.4)), .straightThrough, .scoreFunction]
                      as [any GradientEstimator])
    func threadIndependence(estimator: any GradientEstimator) throws {
        let big = normalMatrix(rows: 37, columns: 20, seed: 12)
        var results: [[Float]] = []
        for threads in [1, 2, 8] {
            var layer = DifferentiableSolverLayer(solver: TopK(k: 4), estimator: estimator, samples: 3, seed: 8,
                                                  parallelism: .threads(threads))
            var values: [Float] = []
            for _ in 0..<3 {
                let (z, tape) = try layer.forward(big)
                let target = Array(repeating: Float(0.5), count: 20)
                let losses = z.rowArrays.map { Float(squaredDistance($0, target)) }
                let gradient = try layer.backward(squaredDistanceGradient(z, target), tape, context: BackwardContext(sampleLosses: losses))
                values += z.values + gradient.values
            }
            results.append(values)
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    @Test("mean output averages the samples, and its backward is the per-sample one divided by S")
    func meanOutput() throws {
        let samples = 4
        var perSample = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: .imle(lambda: 1, scheme: .central),
                                                  samples: samples, seed: 2)
        var mean = perSample
        let (z, perSampleTape) = try perSample.forward(theta)
        let (zMean, meanTape) = try mean.forward(theta, output: .mean)
        for row in 0..<theta.rows {
            for j in 0..<theta.columns {
                let average = (0..<samples).reduce(Float(0)) { $0 + z[row * samples + $1, j] } / Float(samples)
                #expect(abs(zMean[row, j] - average) < 1e-6)
            }
        }
        let upstream = normalMatrix(rows: theta.rows, columns: theta.columns, seed: 3)
        var broadcast = Matrix(rows: theta.rows * samples, columns: theta.columns)
        for r in 0..<broadcast.rows { for j in 0..<theta.columns { broadcast[r, j] = upstream[r / samples, j] } }
        let summed = try perSample.backward(broadcast, perSampleTape)
        let averaged = try mean.backward(upstream, meanTape)
        #expect(summed.values.contains { $0 != 0 })
        for j in summed.values.indices {
            #expect(abs(averaged.values[j] - summed.values[j] / Float(samples)) < 1e-5)
        }
    }

    @Test("AIMLE's moving average of non-zero gradient entries settles at its target", arguments: [1.0, 2.0])
    func aimleReachesTarget(target: Double) throws {
        var layer = DifferentiableSolverLayer(
            solver: TopK(k: 3), estimator: .aimle(AIMLEConfiguration(scheme: .forward, targetNonZeros: target)),
            samples: 10, seed: 1)
        var history: [Double] = []
        for _ in 0..<800 {
            _ = try pass(&layer)
            history.append(layer.adaptiveState.snapshot.nonZeroAverage)
        }
        let state = layer.adaptiveState.snapshot
        #expect(state.updates == 800)
        #expect(state.alpha > 0)
        // Once α has grown, ḡ oscillates around c; average the last 200 steps.
        let settled = history.suffix(200).reduce(0, +) / 200
        #expect(abs(settled - target) < 0.25 * target, "settled at \(settled)")
    }

    @Test("the adaptive state survives encoding, and a resumed run continues identically")
    func checkpointAndResume() throws {
        let estimator: any GradientEstimator = .aimle(scheme: .central, adaptation: .momentum(step: 1e-2, momentum: 0.5))
        var original = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: estimator, samples: 4, seed: 3)
        for _ in 0..<20 { _ = try pass(&original) }
        let data = try JSONEncoder().encode(original.adaptiveState)
        let restored = try JSONDecoder().decode(AdaptiveState.self, from: data)
        #expect(restored.snapshot == original.adaptiveState.snapshot)
        #expect(restored.snapshot.alpha > 0)

        var resumed = DifferentiableSolverLayer(solver: TopK(k: 3), estimator: estimator, samples: 4, seed: 3,
                                                adaptiveState: restored)
        resumed.step = original.step
        for _ in 0..<5 {
            let expected = try pass(&original)
            let actual = try pass(&resumed)
            #expect(actual.gradient == expected.gradient)
        }
        #expect(resumed.adaptiveState.snapshot == original.adaptiveState.snapshot)
    }
}
