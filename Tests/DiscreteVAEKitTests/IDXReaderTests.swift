import CZlib
import Foundation
import Testing
import _ExampleSupport

@Suite("IDX files, plain and gzip-compressed")
struct IDXReaderTests {
    /// Two 2 × 3 images with known bytes.
    static let images: [UInt8] = [0, 51, 102, 153, 204, 255, 255, 0, 255, 0, 255, 0]
    static let imageFile = IDXFile.encode(dimensions: [2, 2, 3], bytes: images)
    static let labelFile = IDXFile.encode(dimensions: [2], bytes: [7, 3])

    @Test("Header and payload of a hand-written file")
    func plain() throws {
        let file = try IDXFile(data: Self.imageFile)
        #expect(file.dimensions == [2, 2, 3])
        #expect(file.bytes == Self.images)
        // The header is big-endian: magic 0x00000803, then 2, 2, 3.
        #expect(Array(Self.imageFile.prefix(8)) == [0, 0, 8, 3, 0, 0, 0, 2])
    }

    @Test("A gzip-compressed file decompresses to the same values")
    func compressed() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/images.gz"
        try gzip(Self.imageFile, to: path)
        let file = try IDXFile(contentsOf: path)
        #expect(file.dimensions == [2, 2, 3])
        #expect(file.bytes == Self.images)
    }

    @Test("A truncated gzip stream is a corruptCompression error")
    func truncatedCompression() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/whole.gz"
        try gzip(IDXFile.encode(dimensions: [50, 28, 28], bytes: (0 ..< 50 * 784).map { UInt8($0 % 251) }), to: path)
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = directory + "/cut.gz"
        try Data(whole.prefix(whole.count / 2)).write(to: URL(fileURLWithPath: cut))
        #expect { try IDXFile(contentsOf: cut) } throws: { ($0 as? ExampleError)?.kind == .corruptCompression }
    }

    @Test("Short payloads, bad magic numbers and other element types are malformedIDX errors")
    func malformed() {
        let short = Array(Self.imageFile.dropLast())
        #expect { try IDXFile(data: short) } throws: { error in
            (error as? ExampleError).map { $0.kind == .malformedFile && $0.message.contains("truncated") } ?? false
        }
        #expect { try IDXFile(data: [1, 0, 8, 1, 0, 0, 0, 0]) } throws: { ($0 as? ExampleError)?.kind == .malformedFile }
        #expect { try IDXFile(data: [0, 0, 0x0D, 1, 0, 0, 0, 0]) } throws: { ($0 as? ExampleError)?.kind == .malformedFile }
        #expect { try IDXFile(data: [0, 0, 8, 3, 0, 0]) } throws: { ($0 as? ExampleError)?.kind == .malformedFile }
    }

    /// The fuzzer's reproducer (Fuzz/crashes/idx-dimension-product-overflow.idx): rank 3,
    /// dimensions 0x00496E74 × 0x0000B200 × 0x0300001C (their product overflows Int), then a
    /// 4-byte payload.
    @Test("Dimensions whose product overflows are a malformedIDX error, not a trap")
    func dimensionOverflow() {
        let header: [UInt8] = [0, 0, 8, 3, 0x00, 0x49, 0x6E, 0x74, 0x00, 0x00, 0xB2, 0x00, 0x03, 0x00, 0x00, 0x1C,
                               0x00, 0x00, 0x00, 0x1C]
        #expect { try IDXFile(data: header) } throws: { error in
            (error as? ExampleError).map { $0.kind == .malformedFile && $0.message.contains("more bytes than can exist") } ?? false
        }
        let huge: [UInt8] = [0, 0, 8, 4] + [UInt8](repeating: 0xFF, count: 16)
        #expect { try IDXFile(data: huge) } throws: { ($0 as? ExampleError)?.kind == .malformedFile }
    }

    @Test("An MNIST-format directory loads, scales to [0, 1] and splits")
    func directory() throws {
        let directory = try temporaryDirectory()
        for split in ["train", "t10k"] {
            try gzip(Self.imageFile, to: "\(directory)/\(split)-images-idx3-ubyte.gz")
            try Data(Self.labelFile).write(to: URL(fileURLWithPath: "\(directory)/\(split)-labels-idx1-ubyte"))
        }
        let (train, test) = try ImageSet.loadMNISTFormat(directory: directory)
        #expect(train.count == 2 && test.count == 2 && train.height == 2 && train.width == 3)
        #expect(train.labels == [7, 3])
        #expect(train.pixels[1] == 0.2 && train.pixels[5] == 1)
        let (fit, held) = train.split(validationCount: 1)
        #expect(fit.labels == [7] && held.labels == [3])
        #expect(held.pixels == Array(train.pixels[6...]))
    }

    @Test("A missing file names what to install")
    func missing() throws {
        let directory = try temporaryDirectory()
        #expect { try ImageSet.loadMNISTFormat(directory: directory) } throws: { error in
            (error as? ExampleError).map { $0.kind == .unreadableData && $0.message.contains("dataset-fashion-mnist") } ?? false
        }
    }

    @Test("Label and image counts must agree")
    func inconsistent() throws {
        let directory = try temporaryDirectory()
        try Data(Self.imageFile).write(to: URL(fileURLWithPath: directory + "/images"))
        try Data(IDXFile.encode(dimensions: [3], bytes: [1, 2, 3])).write(to: URL(fileURLWithPath: directory + "/labels"))
        #expect { try ImageSet(imageFile: directory + "/images", labelFile: directory + "/labels") } throws: {
            ($0 as? ExampleError)?.kind == .inconsistent
        }
    }
}

/// A fresh empty directory.
func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Writes `bytes` gzip-compressed to `path` with zlib.
func gzip(_ bytes: [UInt8], to path: String) throws {
    guard let file = gzopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
    let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
    guard gzclose(file) == Z_OK, written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
}
