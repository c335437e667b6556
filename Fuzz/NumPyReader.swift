// libFuzzer target: the .npy reader on arbitrary bytes.
//
// Property: reading never traps; an array it accepts converts to Float or throws, and writing it
// and reading the result back gives the same bytes again (a fixed point after one round trip).
// Built and run by scripts/fuzz.sh.
import NumPyFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumPyReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let array = try? NumPyArray(npyBytes: bytes) else { return 0 }
    _ = try? array.floatValues()
    let written = array.npyBytes()
    guard let reread = try? NumPyArray(npyBytes: written) else {
        preconditionFailure("the reader refuses what the writer wrote for shape \(array.shape)")
    }
    precondition(reread.npyBytes() == written, "a write/read round trip changed the array of shape \(array.shape)")
    return 0
}
