import Foundation

extension NumPyArray {
    /// Reads a `.npy` file.
    ///
    /// ```swift
    /// let theta = try NumPyArray(contentsOf: URL(fileURLWithPath: "theta.npy"))
    /// ```
    ///
    /// - Throws: ``NumPyError`` of kind `.io` when the file cannot be read, otherwise as
    ///   ``init(npyBytes:)``, with the file's path in the message.
    public init(contentsOf url: URL) throws(NumPyError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NumPyError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        do throws(NumPyError) {
            try self.init(npyBytes: [UInt8](data))
        } catch {
            throw NumPyError(error.kind, "\(url.path): \(error.message)")
        }
    }

    /// Writes the array as a `.npy` file.
    ///
    /// - Throws: ``NumPyError`` of kind `.io` when the file cannot be written.
    public func write(to url: URL) throws(NumPyError) {
        do {
            try Data(npyBytes()).write(to: url, options: .atomic)
        } catch {
            throw NumPyError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
