// Stands in for _ExampleSupport's zlib-backed GzipFile so that the IDX reader compiles on its own
// for fuzzing; only `IDXFile(data:)` is fuzzed, never a file path.
enum GzipFile {
    static func contents(of path: String) throws(ExampleError) -> [UInt8] {
        throw ExampleError(.unreadableData, "\(path): files are not read in the fuzz build")
    }
}
