import Dispatch
import Synchronization

/// Runs `body` over contiguous chunks of `0..<count` on up to `parallelism.threads`
/// workers and returns the chunk results in order.
///
/// Chunk boundaries depend on the thread count, so `body` must compute every row
/// independently of the chunk it falls in; it then yields identical results for any
/// thread count. When several chunks fail, the error of the lowest chunk is thrown, so
/// the reported error is deterministic too.
package func parallelChunks<Result: Sendable, Failure: Error>(
    count: Int,
    parallelism: Parallelism,
    _ body: @Sendable (Range<Int>) throws(Failure) -> Result
) throws(Failure) -> [Result] {
    guard count > 0 else { return [] }
    let workers = min(parallelism.threads, count)
    if workers <= 1 { return [try body(0..<count)] }
    // A few chunks per worker balance uneven rows without making chunks tiny.
    let chunkCount = min(count, workers * 4)
    let bounds = (0...chunkCount).map { $0 * count / chunkCount }
    let slots = Mutex<[Swift.Result<Result, Failure>?]>(Array(repeating: nil, count: chunkCount))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            let outcome: Swift.Result<Result, Failure>
            do throws(Failure) { outcome = .success(try body(bounds[chunk]..<bounds[chunk + 1])) }
            catch { outcome = .failure(error) }
            slots.withLock { $0[chunk] = outcome }
        }
    }
    let outcomes = slots.withLock { $0 }
    var results: [Result] = []
    results.reserveCapacity(chunkCount)
    for outcome in outcomes {
        switch outcome! {
        case .success(let value): results.append(value)
        case .failure(let error): throw error
        }
    }
    return results
}

/// The chunks' elements in order, in one array: `Array(chunks.joined())` without its
/// element-by-element iteration (one allocation, one bulk copy per chunk).
package func concatenated<Element>(_ chunks: some Sequence<[Element]>) -> [Element] {
    var result: [Element] = []
    result.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
    for chunk in chunks { result.append(contentsOf: chunk) }
    return result
}
