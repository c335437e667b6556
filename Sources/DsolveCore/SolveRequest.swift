import SolverRegistry
import DifferentiableSolvers
import Foundation
import NumPyFormat

/// The input of `dsolve solve`: which solver, its options, and the θ rows, gathered from a
/// JSON document and/or a `.npy` file, with messages that name the offending input.
struct SolveRequest {
    var solver: String
    var options: JSONValue
    var theta: Matrix

    /// Parses a JSON request `{"solver": NAME, "options": {...}, "theta": [[...], ...]}`;
    /// `thetaOverride` (from `--theta x.npy`) replaces a missing "theta".
    init(json bytes: [UInt8], source: String, thetaOverride: Matrix?) throws(DsolveError) {
        let document = try JSONInput.decode(bytes, source: "input \(source)")
        guard case .object(let members) = document else {
            throw DsolveError("input \(source) must be a JSON object with \"solver\", \"options\" and \"theta\", got \(document.kindDescription)")
        }
        let known: Set = ["solver", "options", "theta"]
        if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
            throw DsolveError("input \(source) has an unknown key \"\(unknown)\" (expected \"solver\", \"options\", \"theta\")")
        }
        guard let solver = members["solver"]?.stringValue else {
            throw DsolveError("input \(source) needs \"solver\": the registered name of a solver (see `dsolve list`)")
        }
        self.solver = solver
        self.options = members["options"] ?? .null
        switch (members["theta"], thetaOverride) {
        case (nil, nil):
            throw DsolveError("input \(source) has no \"theta\" and no --theta file was given")
        case (_?, _?):
            throw DsolveError("θ given twice: input \(source) has \"theta\" and --theta names a file; keep one")
        case (nil, let matrix?):
            self.theta = matrix
        case (let value?, nil):
            self.theta = try Self.matrix(from: value, source: source)
        }
    }

    /// θ rows from a JSON array of equally long arrays of numbers.
    static func matrix(from value: JSONValue, source: String) throws(DsolveError) -> Matrix {
        guard case .array(let rows) = value, !rows.isEmpty else {
            throw DsolveError("\"theta\" in input \(source) must be a non-empty array of rows (arrays of numbers)")
        }
        var values: [Float] = []
        var columns = 0
        for (index, row) in rows.enumerated() {
            guard case .array(let entries) = row else {
                throw DsolveError("\"theta\" row \(index) in input \(source) must be an array of numbers, got \(row.kindDescription)")
            }
            if index == 0 { columns = entries.count }
            guard entries.count == columns else {
                throw DsolveError("\"theta\" row \(index) in input \(source) has length \(entries.count) but row 0 has length \(columns)")
            }
            for (column, entry) in entries.enumerated() {
                guard let number = entry.numberValue else {
                    throw DsolveError("\"theta\" row \(index), entry \(column) in input \(source) must be a number, got \(entry.kindDescription)")
                }
                values.append(Float(number))
            }
        }
        return Matrix(rows: rows.count, columns: columns, values: values)
    }

    /// θ rows from a float32 or float64 `.npy` file of one (a single row) or two dimensions.
    static func matrix(fromNumPyFile path: String) throws(DsolveError) -> Matrix {
        let array: NumPyArray, values: [Float]
        do throws(NumPyError) {
            array = try NumPyArray(contentsOf: URL(fileURLWithPath: path))
            values = try array.floatValues()
        } catch {
            throw DsolveError("--theta \(path): \(error.message)")
        }
        switch array.shape.count {
        case 1: return Matrix(rows: 1, columns: array.shape[0], values: values)
        case 2: return Matrix(rows: array.shape[0], columns: array.shape[1], values: values)
        default:
            throw DsolveError("--theta \(path) has shape \(array.shape); θ must have one or two dimensions (rows × variables)")
        }
    }
}
