import Foundation
import NumPyFormat
import _ExampleSupport

extension WarcraftDataset {
    /// The three arrays of a split, by their file-name part.
    static let fileKinds = ["maps", "vertex_weights", "shortest_paths"]

    /// Reads split `split` (`train`, `val` or `test`) of a directory in the published layout:
    /// `<split>_maps.npy` (uint8, N × 8H × 8H × 3), `<split>_vertex_weights.npy` and
    /// `<split>_shortest_paths.npy` (N × H × H, any numeric type). A file may instead come in
    /// halves `<split>_<kind>_part0.npy`, `…_part1.npy` (… up to the first missing part),
    /// which are concatenated, as the published 18 × 18 to 30 × 30 training sets are.
    ///
    /// ```swift
    /// let test = try WarcraftDataset(directory: URL(fileURLWithPath: "warcraft_shortest_path/12x12"), split: "test")
    /// ```
    ///
    /// - Throws: ``ExampleError`` naming the file that is missing, unreadable, of the
    ///   wrong type or shape, or whose instance count disagrees with the others.
    public init(directory: URL, split: String) throws(ExampleError) {
        let maps = try Self.readArray(directory: directory, split: split, kind: "maps")
        guard maps.array.shape.count == 4, maps.array.shape[3] == 3, maps.array.shape[1] == maps.array.shape[2],
              maps.array.shape[1] % Self.tileSize == 0, maps.array.shape[1] > 0 else {
            throw ExampleError("\(maps.name) has shape \(maps.array.shape); expected N × 8H × 8H × 3")
        }
        guard case .uint8(let pixels) = maps.array.elements else {
            throw ExampleError("\(maps.name) holds '\(maps.array.elements.descriptor)' values; expected uint8 ('|u1')")
        }
        let count = maps.array.shape[0], gridSize = maps.array.shape[1] / Self.tileSize
        var cellArrays: [[Float]] = []
        for kind in ["vertex_weights", "shortest_paths"] {
            let file = try Self.readArray(directory: directory, split: split, kind: kind)
            guard file.array.shape == [count, gridSize, gridSize] else {
                throw ExampleError("\(file.name) has shape \(file.array.shape); expected \([count, gridSize, gridSize]) "
                                        + "to match \(maps.name)")
            }
            let values = Self.floats(file.array.elements)
            if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw ExampleError("\(file.name) has the value \(values[bad]) at flat index \(bad); expected finite values ≥ 0")
            }
            cellArrays.append(values)
        }
        self.init(checkedGridSize: gridSize, count: count, maps: pixels, weights: cellArrays[0], paths: cellArrays[1])
    }

    /// Writes the dataset as split `split` of `directory` in the published layout (uint8
    /// maps, float32 weights and paths), creating the directory when needed.
    ///
    /// - Throws: ``ExampleError`` when a file cannot be written.
    public func write(directory: URL, split: String) throws(ExampleError) {
        let side = imageSide
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try NumPyArray(shape: [count, side, side, 3], elements: .uint8(maps))
                .write(to: directory.appendingPathComponent("\(split)_maps.npy"))
            try NumPyArray(shape: [count, gridSize, gridSize], elements: .float32(weights))
                .write(to: directory.appendingPathComponent("\(split)_vertex_weights.npy"))
            try NumPyArray(shape: [count, gridSize, gridSize], elements: .float32(paths))
                .write(to: directory.appendingPathComponent("\(split)_shortest_paths.npy"))
        } catch {
            throw ExampleError("cannot write split '\(split)' into \(directory.path): \(error)")
        }
    }

    /// Reads `<split>_<kind>.npy`, or concatenates its numbered parts along the first axis.
    private static func readArray(directory: URL, split: String, kind: String)
        throws(ExampleError) -> (name: String, array: NumPyArray) {
        let name = "\(split)_\(kind).npy"
        let whole = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: whole.path) { return (name, try read(whole)) }
        var parts: [NumPyArray] = []
        while case let part = directory.appendingPathComponent("\(split)_\(kind)_part\(parts.count).npy"),
              FileManager.default.fileExists(atPath: part.path) {
            parts.append(try read(part))
        }
        guard let first = parts.first else {
            throw ExampleError("\(directory.path) has neither \(name) nor \(split)_\(kind)_part0.npy")
        }
        let partName = "\(split)_\(kind)_part*.npy"
        guard parts.allSatisfy({ $0.shape.dropFirst() == first.shape.dropFirst() && !$0.shape.isEmpty }) else {
            throw ExampleError("the parts \(partName) have shapes \(parts.map(\.shape)) that do not concatenate")
        }
        let shape = [parts.reduce(0) { $0 + $1.shape[0] }] + first.shape.dropFirst()
        let elements: NumPyArray.Elements
        if case .uint8 = first.elements {
            var bytes: [UInt8] = []
            for part in parts {
                guard case .uint8(let values) = part.elements else {
                    throw ExampleError("the parts \(partName) mix element types")
                }
                bytes += values
            }
            elements = .uint8(bytes)
        } else {
            elements = .float32(parts.flatMap { floats($0.elements) })
        }
        do {
            return (partName, try NumPyArray(shape: shape, elements: elements))
        } catch {
            throw ExampleError("cannot concatenate \(partName): \(error)")
        }
    }

    private static func read(_ url: URL) throws(ExampleError) -> NumPyArray {
        do {
            return try NumPyArray(contentsOf: url)
        } catch {
            throw ExampleError("cannot read \(url.lastPathComponent): \(error)")
        }
    }

    /// Any numeric element type as `Float`s.
    static func floats(_ elements: NumPyArray.Elements) -> [Float] {
        switch elements {
        case .float32(let values): values
        case .float64(let values): values.map { Float($0) }
        case .int64(let values): values.map { Float($0) }
        case .uint8(let values): values.map { Float($0) }
        case .bool(let values): values.map { $0 ? 1 : 0 }
        }
    }
}
