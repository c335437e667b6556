import DifferentiableSolvers
import SolverRegistry

/// Writes the descriptions of every registered solver as a JSON array (each entry as
/// `dsolve describe NAME --json` prints it) to `*json`; free it with ``ds_string_free(_:)``.
///
/// - Returns: a ``ABIStatus`` raw value; the message of a failure is ``ds_last_error()``.
@_cdecl("ds_solvers_list")
public func ds_solvers_list(_ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(json, name: "json")
        out.pointee = try CBridge.newCString(ABIRegistry.text(of: ABIRegistry.registry.descriptions))
    }
}

/// Writes the description of solver `name` as JSON (as `dsolve describe NAME --json`) to
/// `*json`; free it with ``ds_string_free(_:)``.
///
/// - Returns: ``ABIStatus/unknownSolver`` for a name that is not registered.
@_cdecl("ds_solver_describe")
public func ds_solver_describe(_ name: UnsafePointer<CChar>?, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(json, name: "json")
        let description = try ABIRegistry.description(of: CBridge.string(name, name: "name"))
        out.pointee = try CBridge.newCString(ABIRegistry.text(of: description))
    }
}

/// Makes the solver registered as `name` with the options of the JSON object `optionsJSON`
/// (NULL: no options) and stores its handle in `*solver`; free it with ``ds_solver_free(_:)``.
///
/// - Returns: ``ABIStatus/unknownSolver``, ``ABIStatus/invalidOptions``, or
///   ``ABIStatus/invalidArgument`` for text that is not JSON.
@_cdecl("ds_solver_make")
public func ds_solver_make(_ name: UnsafePointer<CChar>?, _ optionsJSON: UnsafePointer<CChar>?,
                           _ solver: UnsafeMutablePointer<UInt64>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(solver, name: "solver")
        let made = try ABIRegistry.makeSolver(named: CBridge.string(name, name: "name"),
                                              optionsJSON: CBridge.optionalString(optionsJSON, name: "options"))
        out.pointee = HandleTable.shared.insert(made)
    }
}

/// Stores in `*count` the number of θ entries per instance the solver takes, or -1 when it
/// takes any length.
@_cdecl("ds_solver_variable_count")
public func ds_solver_variable_count(_ solver: UInt64, _ count: UnsafeMutablePointer<Int64>?) -> Int32 {
    abiCall { () throws(ABIError) in
        let out = try CBridge.output(count, name: "count")
        out.pointee = try HandleTable.shared.object(solver, as: AnyMAPSolver.self, kind: "solver").variableCount.map(Int64.init) ?? -1
    }
}

/// Solves the `rows` instances of the row-major `rows × columns` float32 matrix `theta` and
/// writes the solutions (the same shape) to `solutions`, which holds `capacity` floats.
///
/// The answer is `dsolve solve`'s, and does not depend on `threads` (0: one per core).
///
/// - Returns: ``ABIStatus/shapeMismatch``, ``ABIStatus/nonFiniteInput``,
///   ``ABIStatus/solverFailed``, ``ABIStatus/bufferTooSmall`` …
@_cdecl("ds_solver_solve")
public func ds_solver_solve(_ solver: UInt64, _ theta: UnsafePointer<Float>?, _ rows: Int64, _ columns: Int64,
                            _ threads: Int64, _ solutions: UnsafeMutablePointer<Float>?, _ capacity: Int64) -> Int32 {
    abiCall { () throws(ABIError) in
        let solver = try HandleTable.shared.object(solver, as: AnyMAPSolver.self, kind: "solver")
        let count = try CBridge.count(rows: rows, columns: columns, name: "θ")
        let matrix = Matrix(rows: Int(rows), columns: Int(columns), values: try CBridge.floats(theta, count: count, name: "θ"))
        let answer: Matrix
        do throws(SolverError) {
            answer = try solver.solveBatch(matrix, parallelism: parallelism(threads: threads))
        } catch {
            throw ABIError(error)
        }
        try CBridge.write(answer.values, to: solutions, capacity: capacity, name: "solutions")
    }
}

/// Frees a solver handle; 0 is ignored.
///
/// - Returns: ``ABIStatus/invalidHandle`` for a handle freed already or not a solver's.
@_cdecl("ds_solver_free")
public func ds_solver_free(_ solver: UInt64) -> Int32 {
    abiCall { () throws(ABIError) in try HandleTable.shared.remove(solver, as: AnyMAPSolver.self, kind: "solver") }
}
