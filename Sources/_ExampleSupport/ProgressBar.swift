#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A terminal progress bar for long example runs: "label [#####.....] 42/100 12.3 s  note".
///
/// Safe to advance from several threads. Draws on standard error, so standard output stays
/// clean for tables; on a terminal it redraws in place at most ten times a second, into a
/// log or pipe it writes one line per tenth of the work.
public final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var note = ""
        var lastDraw = 0.0
        var lastTenth = 0
    }

    private let interactive = isatty(2) != 0

    private let label: String
    private let total: Int
    private let start = Date()
    private let state = Mutex(State())

    /// A bar for `total` units of work.
    public init(_ label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// Marks `units` more as done, with an optional note (e.g. the current loss).
    public func advance(by units: Int = 1, note: String? = nil) {
        let line: String? = state.withLock { state in
            state.done += units
            if let note { state.note = note }
            let now = Date().timeIntervalSince(start)
            if interactive {
                guard state.done >= total || now - state.lastDraw >= 0.1 else { return nil }
                state.lastDraw = now
                return render(done: state.done, elapsed: now, note: state.note)
            }
            let tenth = min(10, state.done * 10 / total)
            guard tenth > state.lastTenth, tenth < 10 else { return nil }
            state.lastTenth = tenth
            return render(done: state.done, elapsed: now, note: state.note) + "\n"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the bar's line.
    public func finish() {
        let line = state.withLock { render(done: $0.done, elapsed: Date().timeIntervalSince(start), note: $0.note) }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func render(done: Int, elapsed: Double, note: String) -> String {
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        return String(format: "%@%@ [%@] %d/%d %.1f s (%.1f/s) %@", interactive ? "\r" : "", label, bar, done, total,
                      elapsed, rate, note)
    }
}
