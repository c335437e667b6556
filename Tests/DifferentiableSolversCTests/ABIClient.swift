@testable import DifferentiableSolversC
import DifferentiableSolvers
import Foundation

/// The C ABI as a C caller sees it, wrapped for the tests: every call returns its status and,
/// on failure, the thread's last error message.
struct ABIFailure: Error, CustomStringConvertible {
    var status: ABIStatus
    var message: String
    var description: String { "\(status): \(message)" }
}

enum ABIClient {
    /// Throws the status and message of a failed call.
    static func check(_ status: Int32) throws(ABIFailure) {
        guard status != ABIStatus.ok.rawValue else { return }
        throw ABIFailure(status: ABIStatus(rawValue: status) ?? .invalidArgument, message: String(cString: ds_last_error()))
    }

    /// The status a call returned and the message it left.
    static func failure(_ status: Int32) -> ABIFailure? {
        do throws(ABIFailure) { try check(status) } catch { return error }
        return nil
    }

    static func makeSolver(_ name: String, _ options: String?) throws(ABIFailure) -> UInt64 {
        var handle: UInt64 = 0
        try check(ds_solver_make(name, options, &handle))
        return handle
    }

    static func solve(_ solver: UInt64, _ theta: Matrix, threads: Int64 = 1) throws(ABIFailure) -> Matrix {
        var solutions = [Float](repeating: -1, count: theta.values.count)
        try check(ds_solver_solve(solver, theta.values, Int64(theta.rows), Int64(theta.columns), threads,
                                  &solutions, Int64(solutions.count)))
        return Matrix(rows: theta.rows, columns: theta.columns, values: solutions)
    }

    static func makeLayer(_ solver: String, _ options: String?, estimator: String, noise: String,
                          samples: Int64, seed: UInt64, threads: Int64 = 1) throws(ABIFailure) -> UInt64 {
        var handle: UInt64 = 0
        try check(ds_layer_make(solver, options, estimator, noise, samples, seed, threads, &handle))
        return handle
    }

    /// A forward pass: the samples (per sample, or the mean) and the tape.
    static func forward(_ layer: UInt64, _ theta: Matrix, samples: Int, mean: Bool = false) throws(ABIFailure) -> (z: Matrix, tape: UInt64) {
        let rows = mean ? theta.rows : theta.rows * samples
        var z = [Float](repeating: -1, count: rows * theta.columns)
        var tape: UInt64 = 0
        try check(ds_layer_forward(layer, theta.values, Int64(theta.rows), Int64(theta.columns), mean ? 1 : 0,
                                   &z, Int64(z.count), &tape))
        return (Matrix(rows: rows, columns: theta.columns, values: z), tape)
    }

    static func backward(_ layer: UInt64, _ tape: UInt64, _ dLdz: Matrix, thetaShape: (rows: Int, columns: Int),
                         sampleLosses: [Float]? = nil) throws(ABIFailure) -> Matrix {
        var gradient = [Float](repeating: -1, count: thetaShape.rows * thetaShape.columns)
        let status = sampleLosses.map { losses in
            ds_layer_backward(layer, tape, dLdz.values, Int64(dLdz.values.count), losses, Int64(losses.count),
                              &gradient, Int64(gradient.count))
        } ?? ds_layer_backward(layer, tape, dLdz.values, Int64(dLdz.values.count), nil, 0, &gradient, Int64(gradient.count))
        try check(status)
        return Matrix(rows: thetaShape.rows, columns: thetaShape.columns, values: gradient)
    }

    /// A JSON text the library returned, freed.
    static func string(_ call: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32) throws(ABIFailure) -> String {
        var pointer: UnsafeMutablePointer<CChar>? = nil
        try check(call(&pointer))
        defer { ds_string_free(pointer) }
        return pointer.map { String(cString: $0) } ?? ""
    }
}
