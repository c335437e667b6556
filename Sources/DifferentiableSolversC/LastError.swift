#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The message of the last failed ABI call, one per thread, as a C string the caller can
/// read until its next failing call on the same thread.
enum LastError {
    /// The thread-specific slot; its destructor frees a thread's message when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        _ = pthread_key_create(&key) { free($0) }
        return key
    }()

    /// The current thread's last message ("" when no call has failed on it).
    static var message: UnsafePointer<CChar> {
        guard let stored = pthread_getspecific(key) else {
            return UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self)
        }
        return UnsafePointer(stored.assumingMemoryBound(to: CChar.self))
    }

    /// Replaces the current thread's message.
    static func set(_ message: String) {
        let copy = strdup(message)
        let previous = pthread_getspecific(key)
        _ = pthread_setspecific(key, copy)
        free(previous)
    }

    /// The message of a thread on which nothing failed: a static, NUL-terminated empty string.
    private static let empty: StaticString = ""
}
