@testable import DifferentiableSolversC
import DifferentiableSolvers
import Foundation
import Synchronization
import Testing

/// Every way a C caller can get a call wrong ends in a status and the Swift message, never a
/// trap; handles survive misuse.
@Suite("C ABI: error paths")
struct ABIErrorPathTests {
    @Test("bad options: not JSON, not an object, unknown solver, wrong type, rejected value")
    func badOptions() {
        let cases: [(name: String, options: String?, status: ABIStatus, phrase: String)] = [
            ("top-k", #"{"k": 2"#, .invalidArgument, "is not valid JSON"),
            ("top-k", "[2]", .invalidOptions, "must be a JSON object"),
            ("no-such-solver", nil, .unknownSolver, "no solver named 'no-such-solver'; registered: argmax"),
            ("top-k", #"{"k": "two"}"#, .invalidOptions, "option 'k' of solver 'top-k' must be an integer"),
            ("top-k", #"{"k": 2, "size": 3}"#, .invalidOptions, "has no option 'size'"),
            ("top-k", nil, .invalidOptions, "needs option 'k'"),
            ("shortest-path.grid", #"{"height": 0, "width": 3}"#, .invalidOptions, "rejected its options"),
        ]
        for (name, options, status, phrase) in cases {
            let failure = ABIClient.failure(ds_solver_make(name, options, nil))
            #expect(failure?.status == .invalidArgument, "a NULL out-pointer is refused first")
            var handle: UInt64 = 99
            let result = ABIClient.failure(ds_solver_make(name, options, &handle))
            #expect(result?.status == status, "\(name) \(options ?? "NULL"): \(String(describing: result))")
            #expect(result?.message.contains(phrase) == true, "\(String(describing: result)) lacks '\(phrase)'")
            #expect(handle == 99, "no handle on failure")
        }
    }

    @Test("NULL and non-UTF-8 strings")
    func badStrings() {
        var handle: UInt64 = 0
        #expect(ABIClient.failure(ds_solver_make(nil, nil, &handle))?.message == "name is NULL")
        let invalid: [CChar] = [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE), 0]
        #expect(ABIClient.failure(ds_solver_make(invalid, nil, &handle))?.message == "name is not valid UTF-8")
        #expect(ABIClient.failure(ds_solver_describe("nope", nil))?.status == .invalidArgument)
        var json: UnsafeMutablePointer<CChar>? = nil
        #expect(ABIClient.failure(ds_solver_describe("nope", &json))?.status == .unknownSolver)
        #expect(json == nil)
    }

    @Test("wrong sizes, NaN and infinite θ, small buffers, NULL buffers")
    func badBuffers() throws {
        let solver = try ABIClient.makeSolver("top-k", #"{"k": 2}"#)
        defer { _ = ds_solver_free(solver) }
        var out = [Float](repeating: 0, count: 8)
        let good: [Float] = [0.3, 2, -1, 0.9, 1, 2, 3, 4]
        let cases: [(theta: [Float]?, rows: Int64, columns: Int64, capacity: Int64, status: ABIStatus, phrase: String)] = [
            (good, 2, 4, 7, .bufferTooSmall, "solutions holds 7 values but the result has 8"),
            (good, -1, 4, 8, .shapeMismatch, "negative shape"),
            (good, Int64.max, 4, 8, .shapeMismatch, "too many entries"),
            (nil, 2, 4, 8, .invalidArgument, "θ is NULL"),
            ([0.3, 2, .nan, 0.9], 1, 4, 8, .nonFiniteInput, "θ contains nan"),
            ([0.3, 2, .infinity, 0.9, 1, 2, 3, -.infinity], 2, 4, 8, .nonFiniteInput, "θ contains inf"),
            ([0.3], 1, 1, 8, .solverFailed, "k"),
        ]
        for (theta, rows, columns, capacity, status, phrase) in cases {
            let failure = ABIClient.failure(ds_solver_solve(solver, theta, rows, columns, 1, &out, capacity))
            #expect(failure?.status == status, "\(String(describing: failure))")
            #expect(failure?.message.contains(phrase) == true, "\(String(describing: failure)) lacks '\(phrase)'")
        }
        #expect(ABIClient.failure(ds_solver_solve(solver, good, 2, 4, 1, nil, 8))?.status == .invalidArgument)
        let fixed = try ABIClient.makeSolver("shortest-path.grid", #"{"height": 2, "width": 2}"#)
        defer { _ = ds_solver_free(fixed) }
        #expect(ABIClient.failure(ds_solver_solve(fixed, good, 1, 5, 1, &out, 8))?.status == .shapeMismatch)
        #expect(ABIClient.failure(ds_solver_solve(fixed, [1, -2, 1, 1], 1, 4, 1, &out, 8))?.status == .solverFailed)
    }

    @Test("freeing twice, freeing 0, a handle of another kind, a forged handle")
    func handles() throws {
        let solver = try ABIClient.makeSolver("argmax", nil)
        #expect(ds_solver_free(0) == ABIStatus.ok.rawValue)
        #expect(ABIClient.failure(ds_layer_free(solver))?.status == .invalidHandle, "a solver is not a layer")
        #expect(ABIClient.failure(ds_tape_free(solver))?.status == .invalidHandle, "a solver is not a tape")
        #expect(ds_solver_free(solver) == ABIStatus.ok.rawValue)
        let again = ABIClient.failure(ds_solver_free(solver))
        #expect(again?.status == .invalidHandle)
        #expect(again?.message.contains("freed already") == true)
        var count: Int64 = 0
        #expect(ABIClient.failure(ds_solver_variable_count(solver, &count))?.status == .invalidHandle)
        #expect(ABIClient.failure(ds_solver_variable_count(1 << 60, &count))?.status == .invalidHandle)
        #expect(ABIClient.failure(ds_solver_variable_count(0, &count))?.message.contains("handle is 0") == true)
    }

    @Test("layer settings: unknown estimator and noise, bad numbers, zero samples, bad temperatures")
    func badLayerSettings() throws {
        let cases: [(estimator: String, noise: String, samples: Int64, phrase: String)] = [
            ("aimle-sideways", "gumbel", 1, "unknown estimator 'aimle-sideways'; use one of aimle"),
            ("imle:-3", "gumbel", 1, "'-3' is not a finite positive number"),
            ("imle:nan", "gumbel", 1, "'nan' is not a finite positive number"),
            ("blackbox", "none", 1, "unknown estimator 'blackbox'"),
            ("gumbel-softmax:0.5:2.5", "gumbel", 1, "the block size 2.5 is not a whole number"),
            ("aimle", "cauchy", 1, "unknown noise 'cauchy'"),
            ("aimle", "sum-of-gamma:0", 1, "k = '0' is not a finite positive number"),
            ("aimle", "sum-of-gamma:3:0", 1, "T = '0' is not a positive whole number"),
            ("aimle", "gumbel", 0, "samples must be between 1"),
            ("aimle", "gumbel", -5, "samples must be between 1"),
        ]
        for (estimator, noise, samples, phrase) in cases {
            var layer: UInt64 = 0
            let failure = ABIClient.failure(ds_layer_make("top-k", #"{"k": 2}"#, estimator, noise, samples, 0, 1, &layer))
            #expect(failure?.status == .invalidConfiguration, "\(estimator) \(noise): \(String(describing: failure))")
            #expect(failure?.message.contains(phrase) == true, "\(String(describing: failure)) lacks '\(phrase)'")
            #expect(layer == 0)
        }
        let layer = try ABIClient.makeLayer("top-k", #"{"k": 2}"#, estimator: "aimle", noise: "gumbel", samples: 2, seed: 0)
        defer { _ = ds_layer_free(layer) }
        #expect(ABIClient.failure(ds_layer_set_temperatures(layer, .nan, 1))?.status == .invalidConfiguration)
        #expect(ABIClient.failure(ds_layer_set_temperatures(layer, 1, -1))?.status == .invalidConfiguration)
        var infinity = Float.infinity
        #expect(ABIClient.failure(ds_layer_set_perturbation_floor(layer, &infinity))?.status == .invalidConfiguration)
        #expect(ABIClient.failure(ds_layer_advance_adaptive(layer, .nan))?.status == .invalidConfiguration)
        #expect(ABIClient.failure(ds_layer_advance_adaptive(layer, -1))?.status == .invalidConfiguration)
        let imle = try ABIClient.makeLayer("top-k", #"{"k": 2}"#, estimator: "imle:5", noise: "gumbel", samples: 1, seed: 0)
        defer { _ = ds_layer_free(imle) }
        #expect(ABIClient.failure(ds_layer_advance_adaptive(imle, 1))?.message.contains("only adaptive IMLE adapts") == true)
    }

    @Test("forward and backward: bad θ, bad ∂L/∂z, small buffers, a foreign tape, missing sample losses")
    func badPasses() throws {
        let layer = try ABIClient.makeLayer("top-k", #"{"k": 2}"#, estimator: "aimle-central", noise: "gumbel", samples: 3, seed: 1)
        let other = try ABIClient.makeLayer("top-k", #"{"k": 2}"#, estimator: "aimle-central", noise: "gumbel", samples: 3, seed: 1)
        defer { _ = ds_layer_free(layer); _ = ds_layer_free(other) }
        let theta = Matrix(rows: 2, columns: 4, values: [0.3, 2, -1, 0.9, 1, 2, 3, 4])
        var z = [Float](repeating: 0, count: 24), tape: UInt64 = 0
        #expect(ABIClient.failure(ds_layer_forward(layer, theta.values, 2, 4, 0, &z, 23, &tape))?.status == .bufferTooSmall)
        #expect(ABIClient.failure(ds_layer_forward(layer, theta.values, 2, 4, 0, &z, 24, nil))?.status == .invalidArgument)
        var nan = theta.values
        nan[5] = .nan
        let nonFinite = ABIClient.failure(ds_layer_forward(layer, nan, 2, 4, 0, &z, 24, &tape))
        #expect(nonFinite?.status == .nonFiniteInput)
        #expect(nonFinite?.message == "nonFiniteInput: θ contains nan at row 1, column 1")
        #expect(tape == 0)

        let (samples, recorded) = try ABIClient.forward(layer, theta, samples: 3)
        defer { _ = ds_tape_free(recorded) }
        var gradient = [Float](repeating: 0, count: 8)
        let dLdz = samples.values.map { $0 - 0.5 }
        #expect(ABIClient.failure(ds_layer_backward(layer, recorded, dLdz, 23, nil, 0, &gradient, 8))?.status == .shapeMismatch)
        #expect(ABIClient.failure(ds_layer_backward(layer, recorded, dLdz, 24, nil, 0, &gradient, 7))?.status == .bufferTooSmall)
        var bad = dLdz
        bad[0] = .infinity
        #expect(ABIClient.failure(ds_layer_backward(layer, recorded, bad, 24, nil, 0, &gradient, 8))?.status == .nonFiniteInput)
        let foreign = ABIClient.failure(ds_layer_backward(other, recorded, dLdz, 24, nil, 0, &gradient, 8))
        #expect(foreign?.status == .foreignTape)
        #expect(ABIClient.failure(ds_layer_backward(layer, layer, dLdz, 24, nil, 0, &gradient, 8))?.status == .invalidHandle)

        let scoreFunction = try ABIClient.makeLayer("top-k", #"{"k": 2}"#, estimator: "score-function", noise: "gumbel", samples: 3, seed: 1)
        defer { _ = ds_layer_free(scoreFunction) }
        let (_, scoreTape) = try ABIClient.forward(scoreFunction, theta, samples: 3)
        defer { _ = ds_tape_free(scoreTape) }
        #expect(ABIClient.failure(ds_layer_backward(scoreFunction, scoreTape, dLdz, 24, nil, 0, &gradient, 8))?.status
                == .missingSampleLosses)
        let losses = [Float](repeating: 1, count: 6)
        #expect(ABIClient.failure(ds_layer_backward(scoreFunction, scoreTape, dLdz, 24, losses, -1, &gradient, 8))?.status
                == .shapeMismatch)
        #expect(ds_layer_backward(scoreFunction, scoreTape, dLdz, 24, losses, 6, &gradient, 8) == ABIStatus.ok.rawValue)
    }

    @Test("a state that is not JSON, or not a layer state, is refused and changes nothing")
    func badState() throws {
        let layer = try ABIClient.makeLayer("argmax", nil, estimator: "aimle", noise: "gumbel", samples: 1, seed: 0)
        defer { _ = ds_layer_free(layer) }
        let before = try ABIClient.string { ds_layer_state(layer, $0) }
        let notJSON = ABIClient.failure(ds_layer_restore_state(layer, "{\"step\": "))
        #expect(notJSON?.status == .invalidArgument)
        #expect(notJSON?.message.contains("the layer state is not valid JSON") == true)
        #expect(ABIClient.failure(ds_layer_restore_state(layer, #"{"step": 3}"#))?.status == .invalidArgument)
        #expect(ABIClient.failure(ds_layer_restore_state(layer, nil))?.status == .invalidArgument)
        #expect(try ABIClient.string { ds_layer_state(layer, $0) } == before)
    }

    @Test("the last error belongs to the thread that failed")
    func lastErrorPerThread() {
        _ = ds_solver_make("no-such-solver", nil, nil)
        let done = DispatchSemaphore(value: 0)
        let elsewhere = Message()
        Thread.detachNewThread {
            let initial = String(cString: ds_last_error())
            var handle: UInt64 = 0
            _ = ds_solver_make("top-k", #"{"k": "two"}"#, &handle)
            elsewhere.text.withLock { $0 = initial + "|" + String(cString: ds_last_error()) }
            done.signal()
        }
        done.wait()
        #expect(elsewhere.text.withLock { $0 } == "|option 'k' of solver 'top-k' must be an integer, got a string")
        #expect(String(cString: ds_last_error()) == "solver is NULL", "another thread's failure leaves this one's message")
    }
}

/// A string written on one thread and read on another.
private final class Message: Sendable {
    let text = Mutex("")
}
