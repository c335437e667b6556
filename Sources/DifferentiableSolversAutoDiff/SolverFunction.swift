#if canImport(_Differentiation)
import _Differentiation
import DifferentiableSolvers
import Synchronization

/// A `DifferentiableSolverLayer` as a function that Swift's automatic differentiation can
/// see through: `gradient(at:of:)` and `valueWithPullback(at:of:)` on a model that calls it
/// differentiate through the solver with the layer's estimator.
///
/// A reference type: every call advances the wrapped layer (its step and, in the pullback,
/// AIMLE's adaptive state) exactly like the framework-agnostic `forward`/`backward` API.
///
/// ```swift
/// import _Differentiation
/// let topK = SolverFunction(DifferentiableSolverLayer(solver: TopK(k: 2), estimator: .aimle(),
///                                                     samples: 10, seed: 1))
/// let g = gradient(at: weights) { w in
///     let z = topK(linear(w, x), columns: 8)               // B × 8 sample means, flattened
///     return squaredError(z, target)
/// }
/// ```
///
/// Differentiable functions cannot throw, so a failure (a NaN θ, a shape mismatch, a solver
/// error) makes the call return NaN values — and its pullback NaN gradients — and records
/// the error: check ``lastError`` or call ``throwIfFailed()`` after a step, or validate
/// inputs first with ``validate(_:columns:)``.
public final class SolverFunction<Solver: MAPSolver>: Sendable {
    private let state: Mutex<DifferentiableSolverLayer<Solver>>
    private let failure = Mutex<LayerError?>(nil)
    /// Whether the function returns per-sample states or their mean.
    public let output: SampleOutput

    /// Wraps `layer`; by default the function returns the per-row sample mean.
    public init(_ layer: DifferentiableSolverLayer<Solver>, output: SampleOutput = .mean) {
        self.state = Mutex(layer)
        self.output = output
    }

    /// A copy of the wrapped layer (its step, estimator and adaptive state).
    public var layer: DifferentiableSolverLayer<Solver> { state.withLock { $0 } }

    /// The error of the most recent failed call or pullback, if any.
    public var lastError: LayerError? { failure.withLock { $0 } }

    /// Throws and clears the most recent error, if any.
    public func throwIfFailed() throws(LayerError) {
        if let error = failure.withLock({ error in defer { error = nil }; return error }) { throw error }
    }

    /// Checks θ the way a call would, without running the solver.
    ///
    /// - Throws: `LayerError` for a length that is not a multiple of `columns`, a length
    ///   the solver does not accept, or non-finite entries.
    public func validate(_ theta: [Float], columns: Int) throws(LayerError) {
        _ = try Self.matrix(theta, columns: columns, solver: layer.solver)
    }

    /// The solver's structures for θ given as rows of `columns` entries, flattened row-major:
    /// B · S rows of samples, or B rows of sample means (see ``output``).
    @differentiable(reverse, wrt: theta)
    public func callAsFunction(_ theta: [Float], columns: Int) -> [Float] {
        forwardPass(theta, columns: columns).value
    }

    /// The value of ``callAsFunction(_:columns:)`` and its pullback through the layer's
    /// estimator (shared with the Tensor overload in TensorLayers).
    @derivative(of: callAsFunction(_:columns:), wrt: theta)
    @usableFromInline
    package func vectorJacobianProduct(_ theta: [Float], columns: Int)
        -> (value: [Float], pullback: (Array<Float>.TangentVector) -> Array<Float>.TangentVector) {
        let (value, tape) = forwardPass(theta, columns: columns)
        return (value, { [self] cotangent in
            // The zero tangent of an array is empty: nothing flows back, the state stays.
            guard !cotangent.base.isEmpty, let tape else {
                return Array<Float>.TangentVector(Array(repeating: 0, count: theta.count))
            }
            let rows = value.count / max(columns, 1)
            do throws(LayerError) {
                let upstream = Matrix(rows: rows, columns: columns, values: cotangent.base)
                let gradient = try state.withLock { layer throws(LayerError) in try layer.backward(upstream, tape) }
                return Array<Float>.TangentVector(gradient.values)
            } catch {
                failure.withLock { $0 = error }
                return Array<Float>.TangentVector(Array(repeating: .nan, count: theta.count))
            }
        })
    }

    private func forwardPass(_ theta: [Float], columns: Int) -> (value: [Float], tape: SolverTape?) {
        do throws(LayerError) {
            let input = try Self.matrix(theta, columns: columns, solver: layer.solver)
            let output = self.output
            let (z, tape) = try state.withLock { layer throws(LayerError) in try layer.forward(input, output: output) }
            return (z.values, tape)
        } catch {
            failure.withLock { $0 = error }
            return (Array(repeating: .nan, count: outputCount(forInputCount: theta.count)), nil)
        }
    }

    /// How many values (or rows) a call returns for `count` values (or rows) of θ: as many
    /// for the mean, S times as many per sample — also when the call fails, so that a failed
    /// call's NaNs have the shape a successful one would have. An S < 0 counts as 0; a product
    /// that overflows falls back to `count`.
    package func outputCount(forInputCount count: Int) -> Int {
        guard output == .perSample else { return count }
        let (product, overflow) = count.multipliedReportingOverflow(by: max(layer.samples, 0))
        return overflow ? count : product
    }

    private static func matrix(_ theta: [Float], columns: Int, solver: Solver) throws(LayerError) -> Matrix {
        guard columns > 0, theta.count % columns == 0 else {
            throw LayerError(.shapeMismatch, "θ has \(theta.count) entries, not a whole number of rows of \(columns)")
        }
        if let expected = solver.variableCount, expected != columns {
            throw LayerError(.shapeMismatch, "rows have \(columns) entries; the solver expects \(expected)")
        }
        if let bad = theta.firstIndex(where: { !$0.isFinite }) {
            throw LayerError(.nonFiniteInput, "θ contains \(theta[bad]) at row \(bad / columns), column \(bad % columns)")
        }
        return Matrix(rows: theta.count / columns, columns: columns, values: theta)
    }
}
#endif
