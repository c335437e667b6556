import DifferentiableSolvers
import Foundation

/// Makes a layer: the solver registered as `solver` with the options of the JSON object
/// `optionsJSON` (NULL: none), the estimator and the noise named as the examples name them
/// (`"aimle-central"`, `"imle:20"`; `"gumbel"`, `"sum-of-gamma:5"`), `samples` noise samples
/// per row, the seed of all randomness, and `threads` workers (0: one per core; results do
/// not depend on it). Stores its handle in `*layer`; free it with ``ds_layer_free(_:)``.
///
/// - Returns: ``ABIStatus/unknownSolver``, ``ABIStatus/invalidOptions``,
///   ``ABIStatus/invalidConfiguration`` (unknown estimator or noise, samples < 1) …
@_cdecl("ds_layer_make")
public func ds_layer_make(_ solver: UnsafePointer<CChar>?, _ optionsJSON: UnsafePointer<CChar>?,
                          _ estimator: UnsafePointer<CChar>?, _ noise: UnsafePointer<CChar>?,
                          _ samples: Int64, _ seed: UInt64, _ threads: Int64,
                          _ layer: UnsafeMutablePointer<UInt64>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(layer, name: "layer")
        let made = try LayerHandle(
            solver: ABIRegistry.makeSolver(named: CBridge.string(solver, name: "solver"),
                                           optionsJSON: CBridge.optionalString(optionsJSON, name: "options")),
            estimator: CBridge.string(estimator, name: "estimator"), noise: CBridge.string(noise, name: "noise"),
            samples: samples, seed: seed, threads: threads)
        out.pointee = HandleTable.shared.insert(made)
    }
}

/// Sets the temperatures of the forward perturbation θ + τ·ε and of the target perturbation
/// in the backward pass (both 1 by default).
@_cdecl("ds_layer_set_temperatures")
public func ds_layer_set_temperatures(_ layer: UInt64, _ forward: Float, _ target: Float) -> Int32 {
    abiCall { () throws(ABIError) in
        guard forward.isFinite, forward >= 0, target.isFinite, target >= 0 else {
            throw ABIError(.invalidConfiguration, "temperatures must be finite and ≥ 0 (got \(forward) and \(target))")
        }
        try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer").configure {
            $0.forwardTemperature = forward
            $0.targetTemperature = target
        }
    }
}

/// Raises every perturbed θ entry-wise to at least `*floor` before the solver sees it (e.g. 0
/// for shortest paths, whose costs must be non-negative); NULL removes the floor.
@_cdecl("ds_layer_set_perturbation_floor")
public func ds_layer_set_perturbation_floor(_ layer: UInt64, _ floor: UnsafePointer<Float>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let value = floor?.pointee
        if let value, !value.isFinite { throw ABIError(.invalidConfiguration, "the perturbation floor must be finite (got \(value))") }
        try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer").configure { $0.perturbationFloor = value }
    }
}

/// The forward pass: samples z = MAP(θ + τ·ε) for every row of the `rows × columns` float32
/// matrix `theta` and writes them to `z` (`capacity` floats): `(rows · samples) × columns`
/// values, the samples of row b in rows b·S ..< (b+1)·S, or with `mean` non-zero the per-row
/// sample mean, `rows × columns`. Stores the tape for ``ds_layer_backward`` in `*tape`; free
/// it with ``ds_tape_free(_:)``.
///
/// - Returns: ``ABIStatus/shapeMismatch``, ``ABIStatus/nonFiniteInput``,
///   ``ABIStatus/solverFailed``, ``ABIStatus/bufferTooSmall`` …
@_cdecl("ds_layer_forward")
public func ds_layer_forward(_ layer: UInt64, _ theta: UnsafePointer<Float>?, _ rows: Int64, _ columns: Int64, _ mean: Int32,
                             _ z: UnsafeMutablePointer<Float>?, _ capacity: Int64, _ tape: UnsafeMutablePointer<UInt64>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(tape, name: "tape")
        let handle = try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer")
        let count = try CBridge.count(rows: rows, columns: columns, name: "θ")
        let matrix = Matrix(rows: Int(rows), columns: Int(columns), values: try CBridge.floats(theta, count: count, name: "θ"))
        let outputRows = mean != 0 ? matrix.rows : matrix.rows * handle.samples
        guard capacity >= Int64(outputRows) * columns else {
            throw ABIError(.bufferTooSmall, "z holds \(capacity) values but the forward pass writes \(outputRows) × \(columns)")
        }
        let (samples, recorded) = try handle.forward(matrix, output: mean != 0 ? .mean : .perSample)
        try CBridge.write(samples.values, to: z, capacity: capacity, name: "z")
        out.pointee = HandleTable.shared.insert(recorded)
    }
}

/// The backward pass: ∂L/∂θ from ∂L/∂z (`count` floats, shaped like the forward output of
/// `tape`), written to `dtheta` (`capacity` floats, `rows × columns` of the forward θ).
/// `sample_losses` (`losses_count` floats, one per sample; NULL when not needed) feeds the
/// score-function estimator. Advances adaptive IMLE's state. The tape stays valid.
///
/// - Returns: ``ABIStatus/foreignTape``, ``ABIStatus/shapeMismatch``,
///   ``ABIStatus/nonFiniteInput``, ``ABIStatus/missingSampleLosses`` …
@_cdecl("ds_layer_backward")
public func ds_layer_backward(_ layer: UInt64, _ tape: UInt64, _ dLdz: UnsafePointer<Float>?, _ count: Int64,
                              _ sampleLosses: UnsafePointer<Float>?, _ lossesCount: Int64,
                              _ dtheta: UnsafeMutablePointer<Float>?, _ capacity: Int64) -> Int32 {
    ds_layer_backward_with_statistics(layer, tape, dLdz, count, sampleLosses, lossesCount, dtheta, capacity, nil)
}

/// ``ds_layer_backward(_:_:_:_:_:_:_:_:)``, and what the pass did, written to `statistics`
/// (NULL: not wanted) as 5 doubles: the mean step λ, the mean number of non-zero gradient
/// entries per informative sample, the number of informative samples (∂L/∂z ≠ 0; −1 for
/// estimators without finite differences), the silent rows, and the α used (NaN unless
/// adaptive IMLE).
@_cdecl("ds_layer_backward_with_statistics")
public func ds_layer_backward_with_statistics(_ layer: UInt64, _ tape: UInt64, _ dLdz: UnsafePointer<Float>?, _ count: Int64,
                                              _ sampleLosses: UnsafePointer<Float>?, _ lossesCount: Int64,
                                              _ dtheta: UnsafeMutablePointer<Float>?, _ capacity: Int64,
                                              _ statistics: UnsafeMutablePointer<Double>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let handle = try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer")
        let recorded = try HandleTable.shared.object(tape, as: SolverTape.self, kind: "tape")
        let rows = recorded.output == .perSample ? recorded.batchSize * recorded.sampleCount : recorded.batchSize
        let columns = recorded.theta.columns
        guard count == Int64(rows * columns) else {
            throw ABIError(.shapeMismatch, "∂L/∂z has \(count) values; the forward output was \(rows) × \(columns)")
        }
        let upstream = Matrix(rows: rows, columns: columns, values: try CBridge.floats(dLdz, count: Int(count), name: "∂L/∂z"))
        var context = BackwardContext()
        if sampleLosses != nil {
            context.sampleLosses = try CBridge.floats(sampleLosses, count: Int(clamping: lossesCount), name: "sample losses")
        }
        let (gradient, pass) = try handle.backward(upstream, recorded, context: context)
        try CBridge.write(gradient.values, to: dtheta, capacity: capacity, name: "dtheta")
        if let statistics {
            let values = [pass.meanLambda, pass.meanNonZeros, Double(pass.informativeSamples ?? -1), Double(pass.silentRows),
                          pass.alpha ?? .nan]
            statistics.update(from: values, count: values.count)
        }
    }
}

/// One step of adaptive IMLE's α rule with the sparsity signal `mean_non_zeros` (the mean
/// number of non-zero gradient entries per informative sample): for data-parallel training,
/// where each worker restores the state it had before its backward pass and advances it with
/// the signal merged over all workers, so that α stays the same everywhere.
///
/// - Returns: ``ABIStatus/invalidConfiguration`` when the layer's estimator is not adaptive
///   IMLE, or the signal is negative or not finite.
@_cdecl("ds_layer_advance_adaptive")
public func ds_layer_advance_adaptive(_ layer: UInt64, _ meanNonZeros: Double) -> Int32 {
    abiCall { () throws(ABIError) in
        try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer").advanceAdaptive(meanNonZeros: meanNonZeros)
    }
}

/// Writes the layer's state as JSON — `{"adaptive": {"alpha", "nonZeroAverage",
/// "previousUpdate", "updates"}, "step": N}` — to `*json`; free it with ``ds_string_free(_:)``.
/// ``ds_layer_restore_state`` continues from it exactly.
@_cdecl("ds_layer_state")
public func ds_layer_state(_ layer: UInt64, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(json, name: "json")
        let checkpoint = try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer").checkpoint
        out.pointee = try CBridge.newCString(ABIRegistry.text(of: checkpoint))
    }
}

/// Restores a state that ``ds_layer_state`` wrote (of this layer or another).
///
/// - Returns: ``ABIStatus/invalidArgument`` for text that is not such a state.
@_cdecl("ds_layer_restore_state")
public func ds_layer_restore_state(_ layer: UInt64, _ json: UnsafePointer<CChar>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let handle = try HandleTable.shared.object(layer, as: LayerHandle.self, kind: "layer")
        let text = try CBridge.string(json, name: "json")
        _ = try ABIRegistry.json(text, source: "the layer state")   // syntax errors with a position
        do {
            handle.restore(try JSONDecoder().decode(LayerCheckpoint.self, from: Data(text.utf8)))
        } catch {
            throw ABIError(.invalidArgument, "the layer state is not one that ds_layer_state writes: \(error)")
        }
    }
}

/// Frees a layer handle; 0 is ignored. Its tapes stay valid until freed.
@_cdecl("ds_layer_free")
public func ds_layer_free(_ layer: UInt64) -> Int32 {
    abiCall { () throws(ABIError) in try HandleTable.shared.remove(layer, as: LayerHandle.self, kind: "layer") }
}

/// Frees a tape handle; 0 is ignored.
@_cdecl("ds_tape_free")
public func ds_tape_free(_ tape: UInt64) -> Int32 {
    abiCall { () throws(ABIError) in try HandleTable.shared.remove(tape, as: SolverTape.self, kind: "tape") }
}
