import DifferentiableSolvers
import Foundation
import NumPyFormat
import _ExampleSupport

/// `.npy` files in PyEPO's layout: a folder holding `x.npy` (n × p features, float64 as
/// NumPy draws them), `c.npy` (n × d costs, float32 as `genData` returns them), `w.npy`
/// (n × d optimal decisions) and `z.npy` (n × 1 optimal objectives) — the four arrays of
/// PyEPO's `optDataset`. A folder written by `numpy.save` from PyEPO's `genData` output
/// needs only `x.npy` and `c.npy`; the decisions are then computed.
///
/// ```swift
/// try data.write(to: folder)
/// let back = try DecisionDataset.read(from: folder, solver: shortestPath)
/// ```
extension DecisionDataset {
    /// Writes `x.npy`, `c.npy`, `w.npy` and `z.npy` into `folder` (created if missing).
    ///
    /// - Throws: ``ExampleError`` of kind `.unreadableData` when a file cannot
    ///   be written.
    public func write(to folder: URL) throws(ExampleError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExampleError(.unreadableData, "cannot create \(folder.path): \(error.localizedDescription)")
        }
        try Self.save(features, as: .float64(features.values.map(Double.init)), to: folder.appendingPathComponent("x.npy"))
        try Self.save(costs, as: .float32(costs.values), to: folder.appendingPathComponent("c.npy"))
        try Self.save(solutions, as: .float32(solutions.values), to: folder.appendingPathComponent("w.npy"))
        let z = Matrix(rows: objectives.count, columns: 1, values: objectives)
        try Self.save(z, as: .float32(objectives), to: folder.appendingPathComponent("z.npy"))
    }

    /// Reads a folder written by ``write(to:)`` or by `numpy.save` of PyEPO's arrays.
    ///
    /// When `w.npy` and `z.npy` are both present they are used as given; otherwise the
    /// decisions are solved with `solver`.
    ///
    /// - Throws: ``ExampleError`` of kind `.unreadableData` for a missing or
    ///   malformed file, `.shapeMismatch` for arrays that do not fit together.
    public static func read<Solver: MAPSolver>(from folder: URL, solver: Solver) throws(ExampleError) -> DecisionDataset {
        let features = try loadMatrix(folder.appendingPathComponent("x.npy"))
        let costs = try loadMatrix(folder.appendingPathComponent("c.npy"))
        let wURL = folder.appendingPathComponent("w.npy"), zURL = folder.appendingPathComponent("z.npy")
        guard FileManager.default.fileExists(atPath: wURL.path), FileManager.default.fileExists(atPath: zURL.path) else {
            return try DecisionDataset(features: features, costs: costs, solver: solver)
        }
        let solutions = try loadMatrix(wURL)
        let objectives = try loadMatrix(zURL)
        guard features.rows == costs.rows, solutions.rows == costs.rows, solutions.columns == costs.columns,
              objectives.rows == costs.rows, objectives.columns == 1 else {
            throw ExampleError(.shapeMismatch,
                                           "\(folder.path): x \(features.rows)×\(features.columns), c \(costs.rows)×\(costs.columns), w \(solutions.rows)×\(solutions.columns), z \(objectives.rows)×\(objectives.columns) do not describe the same instances")
        }
        return DecisionDataset(features: features, costs: costs, solutions: solutions, objectives: objectives.values)
    }

    /// Reads a one- or two-dimensional float array as a matrix (a vector becomes a column).
    ///
    /// - Throws: ``ExampleError`` of kind `.unreadableData`.
    public static func loadMatrix(_ url: URL) throws(ExampleError) -> Matrix {
        do {
            let array = try NumPyArray(contentsOf: url)
            let values = try array.floatValues()
            switch array.shape.count {
            case 1: return Matrix(rows: array.shape[0], columns: 1, values: values)
            case 2: return Matrix(rows: array.shape[0], columns: array.shape[1], values: values)
            default:
                throw ExampleError(.unreadableData, "\(url.path) has shape \(array.shape); expected one or two dimensions")
            }
        } catch let error as NumPyError {
            throw ExampleError(.unreadableData, error.description)
        } catch let error as ExampleError {
            throw error
        } catch {
            throw ExampleError(.unreadableData, "\(url.path): \(error)")
        }
    }

    /// Writes a matrix as a float64 `.npy` file (e.g. knapsack weights, as PyEPO keeps them).
    ///
    /// - Throws: ``ExampleError`` of kind `.unreadableData` when the file cannot
    ///   be written.
    public static func writeMatrix(_ matrix: Matrix, to url: URL) throws(ExampleError) {
        try save(matrix, as: .float64(matrix.values.map(Double.init)), to: url)
    }

    /// Writes `matrix`'s shape with `elements` to `url`.
    static func save(_ matrix: Matrix, as elements: NumPyArray.Elements, to url: URL) throws(ExampleError) {
        do {
            try NumPyArray(shape: [matrix.rows, matrix.columns], elements: elements).write(to: url)
        } catch {
            throw ExampleError(.unreadableData, error.description)
        }
    }
}
