import Synchronization

/// The objects the C ABI has handed out, under integer handles.
///
/// A handle is a number, never a pointer: a freed, foreign or forged handle is an
/// ``ABIStatus/invalidHandle`` error instead of a crash, and freeing twice is reported, not
/// undefined. Handle 0 is never issued (it means "none"); numbers are not reused.
final class HandleTable: Sendable {
    /// The table of the process.
    static let shared = HandleTable()

    private struct Contents {
        var next: UInt64 = 1
        var objects: [UInt64: any Sendable] = [:]
    }

    private let contents = Mutex(Contents())

    /// Stores `object` and returns its new handle.
    func insert(_ object: some Sendable) -> UInt64 {
        contents.withLock { contents in
            let handle = contents.next
            contents.next += 1
            contents.objects[handle] = object
            return handle
        }
    }

    /// The object of type `Object` under `handle`.
    ///
    /// - Parameter kind: what the caller expected, for the message ("solver", "layer", "tape").
    /// - Throws: ``ABIError`` of status `.invalidHandle` when there is none of that type.
    func object<Object: Sendable>(_ handle: UInt64, as type: Object.Type, kind: String) throws(ABIError) -> Object {
        guard let object = contents.withLock({ $0.objects[handle] as? Object }) else {
            throw Self.invalid(handle, kind: kind)
        }
        return object
    }

    /// Removes the object of type `Object` under `handle`; handle 0 is ignored.
    ///
    /// - Throws: ``ABIError`` of status `.invalidHandle` when there is none of that type
    ///   (freed already, or never issued).
    func remove<Object: Sendable>(_ handle: UInt64, as type: Object.Type, kind: String) throws(ABIError) {
        guard handle != 0 else { return }
        let removed = contents.withLock { contents -> Bool in
            guard contents.objects[handle] is Object else { return false }
            contents.objects[handle] = nil
            return true
        }
        guard removed else { throw Self.invalid(handle, kind: kind) }
    }

    /// The number of live objects (for leak checks in tests).
    var count: Int { contents.withLock { $0.objects.count } }

    private static func invalid(_ handle: UInt64, kind: String) -> ABIError {
        ABIError(.invalidHandle, handle == 0
                 ? "the \(kind) handle is 0 (no \(kind))"
                 : "\(handle) is not the handle of a live \(kind) (freed already, never made, or of another kind)")
    }
}
