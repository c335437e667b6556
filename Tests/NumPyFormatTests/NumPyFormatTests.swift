import Foundation
import NumPyFormat
import Testing

/// The bytes of a fixture written by NumPy (see Fixtures/README.md).
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "npy", subdirectory: "Fixtures"))
    return [UInt8](try Data(contentsOf: url))
}

@Suite("Reading files written by NumPy")
struct NumPyReadingTests {
    @Test("float32, float64, int64, uint8, bool, scalar and empty arrays decode to NumPy's values")
    func values() throws {
        let float32 = try NumPyArray(npyBytes: fixture("float32_2x3"))
        #expect(float32.shape == [2, 3])
        #expect(float32.elements == .float32([1.5, -2.0, 0.25, 3.0, 1e-3, -7.75]))
        let float64 = try NumPyArray(npyBytes: fixture("float64_4"))
        #expect(float64.shape == [4] && float64.elements == .float64([0.1, -2.5, 3.0, 1e300]))
        let int64 = try NumPyArray(npyBytes: fixture("int64_2x2"))
        #expect(int64.elements == .int64([1, -2, 1 << 40, -(1 << 62)]))
        #expect(try NumPyArray(npyBytes: fixture("uint8_3")).elements == .uint8([0, 7, 255]))
        #expect(try NumPyArray(npyBytes: fixture("bool_2x2")).elements == .bool([true, false, false, true]))
        let scalar = try NumPyArray(npyBytes: fixture("float32_scalar"))
        #expect(scalar.shape == [] && scalar.elements == .float32([2.5]))
        let empty = try NumPyArray(npyBytes: fixture("float32_empty_0x3"))
        #expect(empty.shape == [0, 3] && empty.elements.count == 0)
        let version2 = try NumPyArray(npyBytes: fixture("float64_v2_2x2"))
        #expect(try fixture("float64_v2_2x2")[6] == 2)
        #expect(version2.shape == [2, 2] && version2.elements == .float64([1, 2, 3, 4]))
    }

    @Test("writing what was read reproduces NumPy's file byte for byte",
          arguments: ["float32_2x3", "float64_4", "int64_2x2", "uint8_3", "bool_2x2", "float32_scalar", "float32_empty_0x3"])
    func byteExact(name: String) throws {
        let bytes = try fixture(name)
        #expect(try NumPyArray(npyBytes: bytes).npyBytes() == bytes)
    }

    @Test("floatValues converts float64 and refuses integers")
    func floatValues() throws {
        #expect(try NumPyArray(npyBytes: fixture("float64_4")).floatValues() == [0.1, -2.5, 3.0, .infinity])
        #expect(throws: NumPyError.self) { try NumPyArray(npyBytes: fixture("int64_2x2")).floatValues() }
    }
}

@Suite("Rejecting what the reader does not support")
struct NumPyRejectionTests {
    func expectError(_ kind: NumPyError.Kind, _ bytes: [UInt8], mentioning word: String? = nil) {
        do throws(NumPyError) {
            let array = try NumPyArray(npyBytes: bytes)
            Issue.record("expected \(kind), read \(array.shape)")
        } catch {
            #expect(error.kind == kind, "\(error)")
            if let word { #expect(error.message.contains(word), "\(error.message)") }
        }
    }

    @Test("big-endian data, Fortran order and other types are typed errors")
    func unsupported() throws {
        expectError(.bigEndian, try fixture("float32_bigendian"), mentioning: ">f4")
        expectError(.fortranOrder, try fixture("float32_fortran"), mentioning: "Fortran")
        expectError(.unsupportedType, try fixture("int32_3"), mentioning: "<i4")
    }

    @Test("truncated files, bad magic, bad versions, bad headers and extra data are typed errors")
    func malformed() throws {
        let good = try fixture("float32_2x3")
        expectError(.truncated, Array(good.dropLast()), mentioning: "24 data bytes")
        expectError(.truncated, Array(good.prefix(40)))
        expectError(.truncated, Array(good.prefix(5)))
        expectError(.notNumPy, Array("PK\u{3}\u{4} not numpy at all".utf8))
        expectError(.sizeMismatch, good + [0, 0, 0, 0])
        var version = good
        version[6] = 9
        expectError(.unsupportedVersion, version, mentioning: "9.0")
        for (from, to) in [("'shape': (2, 3)", "'shape': (2, x)"), ("False", "Maybe"), ("'descr'", "'dtype'"), ("{", "[")] {
            // Same-length edits of the ASCII header; the data bytes stay as they are.
            let header = String(decoding: good[10 ..< 128], as: UTF8.self).replacingOccurrences(of: from, with: to)
            #expect(header.utf8.count == 118 && header.contains(to))
            expectError(.malformedHeader, Array(good[..<10]) + Array(header.utf8) + Array(good[128...]))
        }
    }
}

@Suite("Writing .npy files")
struct NumPyWritingTests {
    @Test("every element type round-trips through bytes and through a file")
    func roundTrip() throws {
        let arrays = [
            try NumPyArray(shape: [2, 2], elements: .float32([.pi, -0.0, .greatestFiniteMagnitude, .leastNonzeroMagnitude])),
            try NumPyArray(shape: [3], elements: .float64([1e-300, -7, .infinity])),
            try NumPyArray(shape: [1, 1, 2], elements: .int64([.min, .max])),
            try NumPyArray(shape: [4], elements: .uint8([0, 1, 128, 255])),
            try NumPyArray(shape: [2], elements: .bool([false, true])),
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UInt64.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, array) in arrays.enumerated() {
            let bytes = array.npyBytes()
            #expect(try NumPyArray(npyBytes: bytes) == array)
            let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            #expect((10 + headerLength) % 64 == 0 && bytes[9 + headerLength] == 0x0A)
            let url = directory.appendingPathComponent("\(index).npy")
            try array.write(to: url)
            #expect(try NumPyArray(contentsOf: url) == array)
        }
    }

    @Test("a header longer than 65,535 bytes switches to format version 2.0")
    func version2() throws {
        let shape = [Int](repeating: 1, count: 30_000)
        let array = try NumPyArray(shape: shape, elements: .float32([4]))
        let bytes = array.npyBytes()
        #expect(bytes[6] == 2)
        #expect(try NumPyArray(npyBytes: bytes) == array)
    }

    @Test("shapes that disagree with the element count and unreadable files are typed errors")
    func errors() {
        #expect(throws: NumPyError.self) { try NumPyArray(shape: [2, 2], elements: .float32([1, 2, 3])) }
        #expect(throws: NumPyError.self) { try NumPyArray(shape: [-1], elements: .float32([])) }
        do throws(NumPyError) {
            _ = try NumPyArray(contentsOf: URL(fileURLWithPath: "/nonexistent/theta.npy"))
            Issue.record("a missing file must be an error")
        } catch {
            #expect(error.kind == .io && error.message.contains("/nonexistent/theta.npy"))
        }
    }
}
