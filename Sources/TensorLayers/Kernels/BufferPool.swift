import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recycles large float buffers so that a training loop reuses the same memory every step.
///
/// glibc serves allocations above 32 MiB with `mmap` and returns them with `munmap`, so a
/// freshly allocated activation buffer is page-faulted in again on every step (PyTorch pays
/// up to 2× for this on a ResNet stem). Tensor storage returns its memory here instead;
/// a later request for the same size takes it back without touching the kernel. Buffers
/// below ``minimumPooledCount`` floats go straight to `malloc`, and the pool never caches
/// more than ``cacheLimitBytes`` in total.
final class BufferPool: Sendable {
    /// The pool every tensor uses; it caches up to a third of the physical memory.
    static let shared = BufferPool(cacheLimitBytes: physicalMemoryBytes / 3)

    /// The installed memory (1 GiB when it cannot be read).
    static var physicalMemoryBytes: Int {
        #if canImport(Glibc) || canImport(Darwin)
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0 && pageSize > 0 { return pages * pageSize }
        #endif
        return 1 << 30
    }

    /// Buffers smaller than this many floats are not pooled.
    static let minimumPooledCount = 16_384

    /// The most bytes kept in the cache at once.
    let cacheLimitBytes: Int

    private struct Cache {
        /// Free buffers by float count, as addresses (pointers are not `Sendable`).
        var buckets: [Int: [UInt]] = [:]
        var bytes = 0
    }

    private let cache = Mutex(Cache())

    init(cacheLimitBytes: Int) { self.cacheLimitBytes = cacheLimitBytes }

    /// Memory for `count` floats, uninitialised (at least one float so the pointer is valid).
    func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        if count >= Self.minimumPooledCount {
            let reused = cache.withLock { cache -> UInt? in
                guard let address = cache.buckets[count]?.popLast() else { return nil }
                cache.bytes -= count * MemoryLayout<Float>.stride
                return address
            }
            if let reused, let pointer = UnsafeMutablePointer<Float>(bitPattern: reused) { return pointer }
        }
        return UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    }

    /// Gives back memory obtained from ``allocate(count:)`` with the same `count`.
    func recycle(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        if count >= Self.minimumPooledCount {
            let address = UInt(bitPattern: pointer)
            let kept = cache.withLock { cache -> Bool in
                let bytes = count * MemoryLayout<Float>.stride
                guard cache.bytes + bytes <= cacheLimitBytes else { return false }
                cache.buckets[count, default: []].append(address)
                cache.bytes += bytes
                return true
            }
            if kept { return }
        }
        pointer.deallocate()
    }
}
