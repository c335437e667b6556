#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the arguments of C callers into Swift values, with a typed error for every way
/// they can be wrong (NULL pointers, negative or overflowing sizes, text that is not UTF-8),
/// and writing results into the caller's memory.
enum CBridge {
    /// A NUL-terminated UTF-8 string.
    ///
    /// - Parameter name: the argument's name, for the message.
    static func string(_ pointer: UnsafePointer<CChar>?, name: String) throws(ABIError) -> String {
        guard let pointer else { throw ABIError(.invalidArgument, "\(name) is NULL") }
        guard let text = String(validatingCString: pointer) else {
            throw ABIError(.invalidArgument, "\(name) is not valid UTF-8")
        }
        return text
    }

    /// An optional NUL-terminated UTF-8 string: NULL gives `nil`.
    static func optionalString(_ pointer: UnsafePointer<CChar>?, name: String) throws(ABIError) -> String? {
        guard pointer != nil else { return nil }
        return try string(pointer, name: name)
    }

    /// `rows × columns`, both non-negative, without overflow.
    static func count(rows: Int64, columns: Int64, name: String) throws(ABIError) -> Int {
        guard rows >= 0, columns >= 0 else {
            throw ABIError(.shapeMismatch, "\(name) has a negative shape \(rows) × \(columns)")
        }
        let (product, overflow) = Int(rows).multipliedReportingOverflow(by: Int(columns))
        guard !overflow else { throw ABIError(.shapeMismatch, "\(name) has shape \(rows) × \(columns): too many entries") }
        return product
    }

    /// `count` floats read from `pointer` (which may be NULL only when `count` is 0).
    static func floats(_ pointer: UnsafePointer<Float>?, count: Int, name: String) throws(ABIError) -> [Float] {
        guard count >= 0 else { throw ABIError(.shapeMismatch, "\(name) has a negative length \(count)") }
        guard count > 0 else { return [] }
        guard let pointer else { throw ABIError(.invalidArgument, "\(name) is NULL but should hold \(count) values") }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Copies `values` into the caller's buffer of `capacity` floats.
    static func write(_ values: [Float], to pointer: UnsafeMutablePointer<Float>?, capacity: Int64,
                      name: String) throws(ABIError) {
        guard capacity >= Int64(values.count) else {
            throw ABIError(.bufferTooSmall, "\(name) holds \(capacity) values but the result has \(values.count)")
        }
        guard !values.isEmpty else { return }
        guard let pointer else { throw ABIError(.invalidArgument, "\(name) is NULL but must receive \(values.count) values") }
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// The out-pointer a result goes through, checked before any work is done (so that no
    /// object is made that the caller cannot receive).
    static func output<Value>(_ pointer: UnsafeMutablePointer<Value>?, name: String) throws(ABIError) -> UnsafeMutablePointer<Value> {
        guard let pointer else { throw ABIError(.invalidArgument, "\(name) is NULL") }
        return pointer
    }

    /// A copy of `text` the caller frees with `ds_string_free`.
    static func newCString(_ text: String) throws(ABIError) -> UnsafeMutablePointer<CChar> {
        guard let copy = strdup(text) else { throw ABIError(.invalidArgument, "out of memory for a string of \(text.utf8.count) bytes") }
        return copy
    }
}
