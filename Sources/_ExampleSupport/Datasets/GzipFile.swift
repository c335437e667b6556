import CZlib

/// Reads whole files that may be gzip-compressed (zlib's `gzread` passes plain files through).
///
/// ```swift
/// let bytes = try GzipFile.contents(of: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")
/// ```
public enum GzipFile {
    /// The decompressed contents of the file at `path`.
    ///
    /// - Throws: ``ExampleError`` (`.unreadableData`) when the file cannot be opened,
    ///   (`.corruptCompression`) when the gzip stream is corrupt or truncated.
    /// - Complexity: O(size of the decompressed contents).
    public static func contents(of path: String) throws(ExampleError) -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw ExampleError(.unreadableData, "cannot open \(path)")
        }
        defer { gzclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                throw ExampleError(.corruptCompression, "\(path): \(message)")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< Int(count)])
        }
        // A stream that stops before its trailer reads as a short file; zlib flags it here.
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if code != Z_OK {
            throw ExampleError(.corruptCompression, "\(path): \(message)")
        }
        return bytes
    }
}
