import Dispatch
import DifferentiableSolvers
import Synchronization

/// The number of workers tensor kernels use: one per online core.
let kernelWorkerCount = Parallelism.automatic.threads

/// Runs `body(task, worker)` for every task in `0..<taskCount` on up to
/// ``kernelWorkerCount`` threads.
///
/// Tasks are claimed dynamically, so `body` must make every task's result independent of the
/// worker that runs it; `worker` (in `0..<workers`) only selects per-worker scratch memory.
/// Work that partitions into fixed tasks therefore gives identical results for any number
/// of threads.
func parallelTasks(_ taskCount: Int, _ body: (_ task: Int, _ worker: Int) -> Void) {
    guard taskCount > 0 else { return }
    let workers = min(kernelWorkerCount, taskCount)
    if workers == 1 {
        for task in 0..<taskCount { body(task, 0) }
        return
    }
    let next = Atomic<Int>(0)
    withoutActuallyEscaping(body) { body in
        // The kernels hand workers disjoint pieces of memory; the closure is only called
        // while this function runs.
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard task < taskCount else { return }
                shared.value(task, worker)
            }
        }
    }
}

/// A value handed to worker threads whose safety the kernels guarantee themselves.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs `body` over contiguous ranges covering `0..<count`, in parallel when `count` is
/// large enough to pay for the threads (`grain` elements per range at least).
@inline(__always)
func parallelRanges(_ count: Int, grain: Int = 32_768, _ body: (Range<Int>) -> Void) {
    let chunks = max(1, min(kernelWorkerCount * 4, count / max(grain, 1)))
    if chunks == 1 {
        body(0..<count)
        return
    }
    parallelTasks(chunks) { chunk, _ in
        body(chunk * count / chunks..<(chunk + 1) * count / chunks)
    }
}
