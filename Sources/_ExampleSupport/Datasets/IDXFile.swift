/// An array of unsigned bytes in the IDX format of MNIST and Fashion-MNIST (LeCun et al.):
/// a big-endian header — two zero bytes, the type code 0x08 (unsigned byte), the rank — then
/// one 32-bit big-endian size per dimension, then the values in row-major order.
///
/// ```swift
/// let images = try IDXFile(contentsOf: "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")
/// images.dimensions   // [10000, 28, 28]
/// ```
public struct IDXFile: Sendable {
    /// The size of every dimension.
    public let dimensions: [Int]
    /// The values, row-major.
    public let bytes: [UInt8]

    /// Parses the (possibly gzip-compressed) IDX file at `path`.
    ///
    /// - Throws: ``ExampleError`` when the file is unreadable, corrupt or malformed.
    public init(contentsOf path: String) throws(ExampleError) {
        try self.init(data: try GzipFile.contents(of: path), name: path)
    }

    /// Parses IDX bytes; `name` appears in error messages.
    ///
    /// - Throws: ``ExampleError`` (`.malformedFile`) for a bad header, a type other than
    ///   unsigned bytes, or a payload whose length differs from the header's.
    public init(data: [UInt8], name: String = "IDX data") throws(ExampleError) {
        guard data.count >= 4, data[0] == 0, data[1] == 0 else {
            throw ExampleError(.malformedFile, "\(name): not an IDX file (no magic number)")
        }
        guard data[2] == 0x08 else {
            throw ExampleError(.malformedFile, "\(name): element type 0x\(String(data[2], radix: 16)) is not unsigned bytes (0x08)")
        }
        let rank = Int(data[3])
        guard rank >= 1, data.count >= 4 + 4 * rank else {
            throw ExampleError(.malformedFile, "\(name): header of rank \(rank) is truncated")
        }
        var dimensions: [Int] = []
        var expected = 1
        for axis in 0..<rank {
            let offset = 4 + 4 * axis
            let size = data[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
            dimensions.append(size)
            // A hostile header can multiply past Int.max; no file holds that many bytes.
            let (product, overflow) = expected.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw ExampleError(.malformedFile, "\(name): dimensions \(dimensions)… need more bytes than can exist")
            }
            expected = product
        }
        let payload = data.count - 4 - 4 * rank
        guard payload == expected else {
            throw ExampleError(.malformedFile,
                               "\(name): dimensions \(dimensions) need \(expected) bytes but the file holds \(payload)"
                               + (payload < expected ? " (truncated)" : ""))
        }
        self.dimensions = dimensions
        self.bytes = Array(data[(4 + 4 * rank)...])
    }

    /// The IDX encoding of unsigned bytes with the given dimensions (for fixtures and export).
    public static func encode(dimensions: [Int], bytes: [UInt8]) -> [UInt8] {
        var data: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for size in dimensions {
            data += [UInt8(size >> 24 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]
        }
        return data + bytes
    }
}
