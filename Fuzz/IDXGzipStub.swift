// Stands in for DiscreteVAEKit's zlib-backed GzipFile so that the IDX reader compiles on its own
// for fuzzing; only `IDXFile(data:)` is fuzzed, never a file path.
enum GzipFile {
    static func contents(of path: String) throws(DatasetError) -> [UInt8] {
        throw DatasetError(.unreadable, "\(path): files are not read in the fuzz build")
    }
}
