import Foundation

/// An 8-bit greyscale or RGB image that encodes itself as a PNG file with no dependencies.
///
/// The encoder writes the simplest valid PNG (ISO/IEC 15948): one `IHDR`, one `IDAT` and an
/// `IEND` chunk; every scanline uses filter type 0 (none), and the zlib stream (RFC 1950)
/// holds the scanlines in *stored* deflate blocks (RFC 1951 §3.2.4, no compression), so
/// files are about as large as the raw pixels. Good enough for example figures.
///
/// ```swift
/// var image = PNGImage(width: 2, height: 1, channels: 3)
/// image[0, 0] = [255, 0, 0]                  // red
/// image[0, 1] = [0, 0, 255]                  // blue
/// try image.write(to: URL(fileURLWithPath: "tiny.png"))
/// ```
public struct PNGImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Samples per pixel: 1 (greyscale) or 3 (RGB).
    public let channels: Int
    /// Row-major samples, `channels` per pixel: `pixels[(row * width + column) * channels + c]`.
    public private(set) var pixels: [UInt8]

    /// Wraps existing samples.
    ///
    /// - Parameters:
    ///   - width: width in pixels, at least 1.
    ///   - height: height in pixels, at least 1.
    ///   - channels: 1 for greyscale, 3 for RGB.
    ///   - pixels: `width · height · channels` samples, row-major, channels interleaved.
    /// - Throws: ``ExampleError`` (``ExampleFailure/invalidArgument``) when a size is not positive, `channels` is neither 1 nor 3,
    ///   or the sample count does not match.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws(ExampleError) {
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw ExampleError("the image is \(width) × \(height) pixels; both sides must be between 1 and 2³¹ − 1")
        }
        guard channels == 1 || channels == 3 else {
            throw ExampleError("an image has 1 (greyscale) or 3 (RGB) channels, not \(channels)")
        }
        guard pixels.count == width * height * channels else {
            throw ExampleError("a \(width) × \(height) image with \(channels) channel(s) needs "
                                + "\(width * height * channels) samples, not \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// A black image; sizes below 1 become 1 and a channel count other than 1 becomes 3.
    public init(width: Int, height: Int, channels: Int = 3) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        self.channels = channels == 1 ? 1 : 3
        pixels = [UInt8](repeating: 0, count: self.width * self.height * self.channels)
    }

    /// The samples of one pixel (`channels` values). Setting ignores pixels outside the
    /// image, which makes drawing shapes that cross the border easy.
    public subscript(row: Int, column: Int) -> [UInt8] {
        get {
            let start = (row * width + column) * channels
            return Array(pixels[start..<start + channels])
        }
        set {
            guard (0..<height).contains(row), (0..<width).contains(column), newValue.count == channels else { return }
            let start = (row * width + column) * channels
            pixels.replaceSubrange(start..<start + channels, with: newValue)
        }
    }

    /// The raw scanlines of the image as PNG filters them: each row starts with the filter
    /// byte 0 followed by its samples.
    public var scanlines: [UInt8] {
        let rowBytes = width * channels
        var data = [UInt8]()
        data.reserveCapacity(height * (rowBytes + 1))
        for row in 0..<height {
            data.append(0)
            data.append(contentsOf: pixels[row * rowBytes..<(row + 1) * rowBytes])
        }
        return data
    }

    /// The encoded PNG file.
    public func pngData() -> Data {
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        // Bit depth 8; colour type 0 (greyscale) or 2 (truecolour); deflate; filter
        // method 0; no interlace.
        header += [8, channels == 1 ? 0 : 2, 0, 0, 0]
        var file: [UInt8] = Self.signature
        file.appendChunk("IHDR", header)
        file.appendChunk("IDAT", Self.zlibStored(scanlines))
        file.appendChunk("IEND", [])
        return Data(file)
    }

    /// Writes the PNG file to `url`.
    public func write(to url: URL) throws {
        try pngData().write(to: url)
    }

    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Largest payload of one stored deflate block.
    static let storedBlockLimit = 65_535

    /// A zlib stream (RFC 1950) holding `payload` in stored deflate blocks.
    static func zlibStored(_ payload: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31.
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + storedBlockLimit, payload.count)
            let length = UInt16(end - start)
            stream.append(end == payload.count ? 1 : 0)  // BFINAL, BTYPE = 00 (stored)
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream.append(contentsOf: payload[start..<end])
            start = end
        } while start < payload.count
        stream.appendBigEndian(adler32(payload))
        return stream
    }

    /// The Adler-32 checksum of zlib (RFC 1950 §8).
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5552 is the largest run whose sums cannot overflow 32 bits before the reduction.
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)
            for byte in bytes[index..<end] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return b << 16 | a
    }

    /// The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320).
    public static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { (n: Int) -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// Appends a PNG chunk: length, type, data and the CRC-32 of type and data.
    fileprivate mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeAndData = Array(type.utf8) + data
        append(contentsOf: typeAndData)
        appendBigEndian(PNGImage.crc32(typeAndData))
    }
}
