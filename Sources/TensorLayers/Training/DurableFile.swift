import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash or a kill at any moment leaves either the old content or
/// the new one: write to a temporary file in the same folder, flush it to disk (`fsync`),
/// rename it over the target, and flush the folder.
///
/// ```swift
/// try DurableFile.write(Data("{}".utf8), to: URL(fileURLWithPath: "state.json"))
/// ```
public enum DurableFile {
    /// Replaces the file at `url` with `data`, durably.
    ///
    /// - Throws: ``TensorError`` (``TensorFailure/checkpoint``) naming the step that failed.
    public static func write(_ data: Data, to url: URL) throws(TensorError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary.path)") }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue } else { return false } }
                written += result
            }
            return true
        }
        let synced = complete && fsync(descriptor) == 0
        close(descriptor)
        guard synced else {
            unlink(temporary.path)
            throw failure("cannot write \(temporary.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw failure("cannot rename \(temporary.path) to \(url.path)")
        }
        let folderDescriptor = open(folder.path, O_RDONLY)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func failure(_ message: String) -> TensorError {
        TensorError(.checkpoint, "\(message): \(String(cString: strerror(errno)))")
    }
}
