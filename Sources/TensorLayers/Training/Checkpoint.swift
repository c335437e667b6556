import Foundation

/// Saves and loads a model's parameters and running statistics.
///
/// The file is little-endian binary: the magic bytes `DSTL`, a `UInt32` version (1), a
/// `UInt32` entry count, then for every entry a `UInt32` name length, the UTF-8 name, a
/// `UInt32` rank, `rank` × `Int64` dimensions and the `Float32` elements in row-major order.
/// Parameters are stored under their ``ModelParameter/name``; running statistics as
/// `name.mean` and `name.variance` (rank 1).
///
/// ```swift
/// try Checkpoint.save(model, to: url)
/// var restored = try ResNetStem(gridSize: 12, using: &rng)
/// try Checkpoint.load(into: &restored, from: url)
/// ```
public enum Checkpoint {
    static let magic = Array("DSTL".utf8)
    static let version: UInt32 = 1

    /// Writes `model` (and, when given, the optimiser's moment estimates and step count) to
    /// `url`, durably: the bytes go to a temporary file beside it, are flushed to disk, and
    /// the file is renamed over `url`, so a process killed at any moment leaves either the
    /// old checkpoint or the new one, never a torn file.
    ///
    /// - Parameters:
    ///   - model: the parameters and running statistics to save.
    ///   - optimizer: an Adam optimiser whose state is saved under `adam.*` entries, so that a
    ///     resumed run takes exactly the steps an uninterrupted one would.
    ///   - url: the file to write.
    /// - Throws: ``TensorError`` (``TensorFailure/checkpoint``) when the file cannot be written.
    /// - Complexity: O(number of parameters).
    public static func save<Model: ParameterizedModel>(_ model: Model, optimizer: Adam? = nil, to url: URL) throws(TensorError) {
        var entries: [(String, [Int], [Float])] = Model.parameters.map { parameter in
            let tensor = model[keyPath: parameter.value]
            return (parameter.name, tensor.shape, tensor.scalars)
        }
        for named in model.namedStatistics {
            let statistics = named.statistics
            entries.append(("\(named.name).mean", [statistics.channels], statistics.mean))
            entries.append(("\(named.name).variance", [statistics.channels], statistics.variance))
        }
        if let optimizer { entries += try optimizerEntries(optimizer, parameters: Model.parameters.map(\.name)) }
        var data = Data(magic)
        append(version, to: &data)
        append(UInt32(entries.count), to: &data)
        for (name, shape, scalars) in entries {
            let nameBytes = Array(name.utf8)
            append(UInt32(nameBytes.count), to: &data)
            data.append(contentsOf: nameBytes)
            append(UInt32(shape.count), to: &data)
            for dimension in shape { append(Int64(dimension), to: &data) }
            for scalar in scalars { append(scalar.bitPattern, to: &data) }
        }
        try DurableFile.write(data, to: url)
    }

    /// Reads the parameters and statistics of `model` from `url`.
    ///
    /// Every parameter and statistic of the model must be present with its exact shape;
    /// the model is changed only when the whole file is valid.
    ///
    /// - Throws: ``TensorError`` (``TensorFailure/checkpoint``) when the file is missing,
    ///   malformed or does not match the model.
    /// - Complexity: O(file size).
    public static func load<Model: ParameterizedModel>(into model: inout Model, from url: URL) throws(TensorError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TensorError(.checkpoint, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let entries = try decode(Array(data), file: url.path)
        func entry(_ name: String, shape: [Int]) throws(TensorError) -> [Float] {
            guard let found = entries[name] else { throw TensorError(.checkpoint, "\(url.path) has no entry \(name)") }
            guard found.shape == shape else {
                throw TensorError(.checkpoint, "\(url.path): \(name) has shape \(found.shape), the model needs \(shape)")
            }
            return found.scalars
        }
        var updated = model
        for parameter in Model.parameters {
            let shape = model[keyPath: parameter.value].shape
            updated[keyPath: parameter.value] = try Tensor(shape: shape, scalars: try entry(parameter.name, shape: shape))
        }
        var statistics: [(RunningStatistics, [Float], [Float])] = []
        for named in model.namedStatistics {
            let shape = [named.statistics.channels]
            statistics.append((named.statistics, try entry("\(named.name).mean", shape: shape), try entry("\(named.name).variance", shape: shape)))
        }
        for (target, mean, variance) in statistics { try target.set(mean: mean, variance: variance) }
        model = updated
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// The entries of a checkpoint file, by name.
    static func decode(_ bytes: [UInt8], file: String) throws(TensorError) -> [String: (shape: [Int], scalars: [Float])] {
        var reader = ByteReader(bytes: bytes, file: file)
        guard try reader.take(4) == magic else { throw TensorError(.checkpoint, "\(file) is not a tensor checkpoint") }
        let fileVersion: UInt32 = try reader.integer()
        guard fileVersion == version else { throw TensorError(.checkpoint, "\(file) has version \(fileVersion), expected \(version)") }
        let count: UInt32 = try reader.integer()
        var entries: [String: (shape: [Int], scalars: [Float])] = [:]
        for _ in 0..<count {
            let nameLength: UInt32 = try reader.integer()
            let name = String(decoding: try reader.take(Int(nameLength)), as: UTF8.self)
            let rank: UInt32 = try reader.integer()
            guard rank <= 16 else { throw TensorError(.checkpoint, "\(file): \(name) has rank \(rank)") }
            var shape: [Int] = []
            for _ in 0..<rank {
                let dimension: Int64 = try reader.integer()
                guard dimension >= 0, dimension <= Int64(bytes.count) else { throw TensorError(.checkpoint, "\(file): \(name) has dimension \(dimension)") }
                shape.append(Int(dimension))
            }
            let (elements, overflow) = shape.reduce((1, false)) { partial, dimension in
                let product = partial.0.multipliedReportingOverflow(by: dimension)
                return (product.partialValue, partial.1 || product.overflow)
            }
            guard !overflow, elements <= bytes.count else { throw TensorError(.checkpoint, "\(file): \(name) is larger than the file") }
            var scalars: [Float] = []
            scalars.reserveCapacity(elements)
            for _ in 0..<elements { scalars.append(Float(bitPattern: try reader.integer())) }
            entries[name] = (shape, scalars)
        }
        guard reader.isAtEnd else { throw TensorError(.checkpoint, "\(file) has trailing bytes") }
        return entries
    }
}

/// Reads little-endian values from a byte array, throwing at the end of the data.
struct ByteReader {
    let bytes: [UInt8]
    let file: String
    var position = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func take(_ count: Int) throws(TensorError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - position else { throw TensorError(.checkpoint, "\(file) ends early") }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func integer<Integer: FixedWidthInteger>() throws(TensorError) -> Integer {
        let raw = try take(MemoryLayout<Integer>.size)
        var value: Integer = 0
        for (shift, byte) in raw.enumerated() { value |= Integer(truncatingIfNeeded: byte) << (8 * shift) }
        return value
    }
}
