import CGLPKShim

/// GLPK's terminal output, which the shim captures instead of printing.
enum GLPKMessages {
    /// The text GLPK wrote during the last shim call on this thread.
    static var raw: String { String(cString: cglpk_messages()) }

    /// The same text on one line, for error messages.
    static var current: String { oneLine(raw) }

    /// `text` with its lines joined by " | " ("(no message)" when empty).
    static func oneLine(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        return lines.isEmpty ? "(no message)" : lines.joined(separator: " | ")
    }

    /// The first diagnostic of the form `path:line: message` about one of `paths`.
    ///
    /// GLPK's MPS, CPLEX LP and MathProg readers all report problems in this form.
    static func firstLocatedDiagnostic(in text: String, paths: [String])
        -> (path: String, line: Int, message: String)?
    {
        for line in text.split(separator: "\n") {
            for path in paths where line.hasPrefix(path + ":") {
                let rest = line.dropFirst(path.count + 1)
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, let number = Int(digits),
                      rest.dropFirst(digits.count).first == ":" else { continue }
                let message = rest.dropFirst(digits.count + 1).trimmingCharacters()
                return (path, number, message)
            }
        }
        return nil
    }
}

extension Substring {
    /// The substring without leading and trailing whitespace.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
