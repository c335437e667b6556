/// One scratch buffer per kernel worker, taken from the buffer pool and returned to it
/// when the value is released.
struct ScratchBuffers {
    private let storages: [TensorStorage]

    /// Buffers of `count` floats for every worker (none when `count` is 0).
    init(count: Int) {
        storages = count == 0 ? [] : (0..<kernelWorkerCount).map { _ in TensorStorage(uninitializedCount: count) }
    }

    /// The buffer of `worker`.
    func buffer(for worker: Int) -> UnsafeMutablePointer<Float> { storages[worker].base }

    /// The buffer of `worker`, or `nil` when the buffers are empty.
    func optionalBuffer(for worker: Int) -> UnsafeMutablePointer<Float>? { storages.isEmpty ? nil : storages[worker].base }
}
