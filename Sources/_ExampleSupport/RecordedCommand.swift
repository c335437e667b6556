import Foundation

/// The command line a metrics file records: the executable's name without its directory,
/// then the arguments as given (`WarcraftShortestPath --full --method blackbox`).
public enum RecordedCommand {
    /// This process's command line; `executable` stands in when the system gives no name.
    public static func current(executable: String) -> String {
        shown(CommandLine.arguments, executable: executable)
    }

    /// `arguments` as recorded: the first reduced to its last path component.
    public static func shown(_ arguments: [String], executable: String) -> String {
        ([URL(fileURLWithPath: arguments.first ?? executable).lastPathComponent] + arguments.dropFirst())
            .joined(separator: " ")
    }
}
