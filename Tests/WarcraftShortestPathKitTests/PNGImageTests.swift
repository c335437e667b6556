import Foundation
import Testing
import _ExampleSupport

/// Checks the PNG writer without a decoder: published check values of the two checksums,
/// the file structure, every chunk's CRC, and the stored-deflate payload against the raw
/// scanlines.
@Suite struct PNGImageTests {
    /// One chunk of a PNG file.
    struct Chunk {
        let type: String
        let data: [UInt8]
        let crc: UInt32
    }

    static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Splits a PNG file (after its signature) into chunks.
    static func chunks(_ file: [UInt8]) -> [Chunk] {
        var result: [Chunk] = []
        var offset = 8
        while offset + 12 <= file.count {
            let length = Int(bigEndian(file[offset..<offset + 4]))
            let type = String(decoding: file[offset + 4..<offset + 8], as: UTF8.self)
            let data = Array(file[offset + 8..<offset + 8 + length])
            let crc = bigEndian(file[offset + 8 + length..<offset + 12 + length])
            result.append(Chunk(type: type, data: data, crc: crc))
            offset += 12 + length
        }
        return result
    }

    /// Reads a zlib stream made only of stored deflate blocks; `nil` when it is not one.
    static func storedPayload(_ stream: [UInt8]) -> (payload: [UInt8], blocks: Int, adler: UInt32)? {
        guard stream.count >= 6, (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0, stream[0] & 0x0F == 8 else { return nil }
        var payload: [UInt8] = [], offset = 2, blocks = 0
        while true {
            let header = stream[offset]
            guard header & 0b110 == 0 else { return nil }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ complement == 0xFFFF else { return nil }
            payload += stream[offset + 5..<offset + 5 + length]
            offset += 5 + length
            blocks += 1
            if header & 1 == 1 { break }
        }
        guard offset + 4 == stream.count else { return nil }
        return (payload, blocks, bigEndian(stream[offset..<offset + 4]))
    }

    @Test func checksumsMatchPublishedCheckValues() {
        // CRC-32/ISO-HDLC check value; Adler-32 example from RFC 1950's usual test string.
        #expect(PNGImage.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGImage.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(PNGImage.adler32([]) == 1)
        // Long runs of 0xFF exercise the modular reduction: a = 1 + 255·n, b = Σ a_i (mod 65521).
        let n = 20_000
        let a = (1 + 255 * n) % 65_521
        let b = (n + 255 * n * (n + 1) / 2) % 65_521
        #expect(PNGImage.adler32([UInt8](repeating: 0xFF, count: n)) == UInt32(b << 16 | a))
    }

    @Test(arguments: [(3, 5, 1), (4, 2, 3), (200, 120, 3), (300, 300, 1)])
    func fileStructureAndPayload(width: Int, height: Int, channels: Int) throws {
        let pixels = (0..<width * height * channels).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 / 7) }
        let image = try PNGImage(width: width, height: height, channels: channels, pixels: pixels)
        let file = [UInt8](image.pngData())
        #expect(Array(file.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = Self.chunks(file)
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        for chunk in chunks {
            #expect(PNGImage.crc32(Array(chunk.type.utf8) + chunk.data) == chunk.crc, "CRC of \(chunk.type)")
        }
        #expect(chunks.last?.crc == 0xAE42_6082)  // the CRC every empty IEND chunk carries
        let header = chunks[0].data
        #expect(Self.bigEndian(header[0..<4]) == UInt32(width))
        #expect(Self.bigEndian(header[4..<8]) == UInt32(height))
        #expect(Array(header[8...]) == [8, channels == 1 ? 0 : 2, 0, 0, 0])

        let stored = try #require(Self.storedPayload(chunks[1].data))
        // Raw scanlines: filter byte 0, then the row's samples.
        var expected: [UInt8] = []
        for row in 0..<height {
            expected.append(0)
            expected += pixels[row * width * channels..<(row + 1) * width * channels]
        }
        #expect(stored.payload == expected)
        #expect(stored.blocks == (expected.count + 65_534) / 65_535)
        #expect(stored.adler == PNGImage.adler32(expected))
    }

    @Test func pixelAccessAndDrawingOutsideIsIgnored() {
        var image = PNGImage(width: 2, height: 2, channels: 3)
        image[1, 0] = [1, 2, 3]
        image[5, 5] = [9, 9, 9]
        image[-1, 0] = [9, 9, 9]
        #expect(image[1, 0] == [1, 2, 3])
        #expect(image.pixels == [0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0])
    }

    @Test func badInputIsATypedError() {
        #expect(throws: ExampleError.self) { try PNGImage(width: 0, height: 2, channels: 3, pixels: []) }
        #expect(throws: ExampleError.self) { try PNGImage(width: 1, height: 1, channels: 4, pixels: [0, 0, 0, 0]) }
        #expect(throws: ExampleError.self) { try PNGImage(width: 2, height: 2, channels: 1, pixels: [0, 0, 0]) }
    }
}
