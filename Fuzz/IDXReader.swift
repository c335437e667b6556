// libFuzzer target: the examples' IDX reader (MNIST / Fashion-MNIST files).
//
// Property: parsing arbitrary bytes never traps; a file it accepts encodes back to the same bytes.
// Built and run by scripts/fuzz.sh, which compiles IDXFile.swift and ExampleError.swift with this
// file into one module (with IDXGzipStub.swift in place of the zlib reader, which is not fuzzed).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? IDXFile(data: bytes) else { return 0 }
    precondition(IDXFile.encode(dimensions: file.dimensions, bytes: file.bytes) == bytes,
                 "IDX dimensions \(file.dimensions) do not encode back to the input")
    return 0
}
