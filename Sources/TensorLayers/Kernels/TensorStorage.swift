/// The contiguous float memory behind a ``Tensor``.
///
/// Storage is shared between tensor values (reshape shares it, copies share it) and copied
/// before a write when it is not uniquely referenced, so ``Tensor`` keeps value semantics.
/// It is `@unchecked Sendable` because kernels only write into storage they have just
/// allocated or that is uniquely referenced.
final class TensorStorage: @unchecked Sendable {
    /// The first float.
    let base: UnsafeMutablePointer<Float>
    /// The number of floats.
    let count: Int

    /// Uninitialised storage for `count` floats.
    init(uninitializedCount count: Int) {
        self.count = count
        self.base = BufferPool.shared.allocate(count: count)
    }

    deinit { BufferPool.shared.recycle(base, count: count) }

    /// The floats, read-only.
    var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: base, count: count) }

    /// The floats, writable.
    var mutableBuffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: base, count: count) }
}
