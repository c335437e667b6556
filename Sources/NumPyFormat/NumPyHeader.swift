/// The header dictionary of a `.npy` file, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`.
struct NumPyHeader: Equatable {
    var descriptor: String
    var fortranOrder: Bool
    var shape: [Int]

    /// The Python literal NumPy writes.
    var literal: String {
        let dimensions = shape.map(String.init)
        let tuple = dimensions.count == 1 ? "(\(dimensions[0]),)" : "(\(dimensions.joined(separator: ", ")))"
        return "{'descr': '\(descriptor)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
    }

    /// Parses the Python dictionary literal of a header.
    init(parsing text: String) throws(NumPyError) {
        var parser = HeaderParser(text: Array(text.unicodeScalars))
        let entries = try parser.parseDictionary()
        guard case .string(let descriptor)? = entries["descr"] else {
            throw NumPyError(.malformedHeader, "the header has no string 'descr' entry: \(text)")
        }
        guard case .boolean(let fortranOrder)? = entries["fortran_order"] else {
            throw NumPyError(.malformedHeader, "the header has no Boolean 'fortran_order' entry: \(text)")
        }
        guard case .tuple(let shape)? = entries["shape"] else {
            throw NumPyError(.malformedHeader, "the header has no tuple 'shape' entry: \(text)")
        }
        self.init(descriptor: descriptor, fortranOrder: fortranOrder, shape: shape)
    }

    init(descriptor: String, fortranOrder: Bool, shape: [Int]) {
        self.descriptor = descriptor
        self.fortranOrder = fortranOrder
        self.shape = shape
    }
}

/// A recursive-descent parser for the small subset of Python literals `.npy` headers use:
/// a dictionary of string keys whose values are strings, `True`/`False`, or integer tuples.
private struct HeaderParser {
    enum Value { case string(String), boolean(Bool), tuple([Int]) }

    let text: [Unicode.Scalar]
    var position = 0

    init(text: [Unicode.Scalar]) { self.text = text }

    mutating func parseDictionary() throws(NumPyError) -> [String: Value] {
        try expect("{")
        var entries: [String: Value] = [:]
        while true {
            skipSpace()
            if peek() == "}" { position += 1; break }
            let key = try parseString()
            try expect(":")
            entries[key] = try parseValue()
            skipSpace()
            if peek() == "," { position += 1; continue }
            try expect("}")
            break
        }
        skipSpace()
        guard position == text.count else { throw failure("unexpected text after the dictionary") }
        return entries
    }

    private mutating func parseValue() throws(NumPyError) -> Value {
        skipSpace()
        switch peek() {
        case "'", "\"": return .string(try parseString())
        case "(": return .tuple(try parseTuple())
        default:
            if consume("True") { return .boolean(true) }
            if consume("False") { return .boolean(false) }
            throw failure("expected a string, a tuple, True or False")
        }
    }

    private mutating func parseString() throws(NumPyError) -> String {
        skipSpace()
        guard let quote = peek(), quote == "'" || quote == "\"" else { throw failure("expected a quoted string") }
        position += 1
        var result = String.UnicodeScalarView()
        while let scalar = peek(), scalar != quote {
            result.append(scalar)
            position += 1
        }
        guard peek() == quote else { throw failure("unterminated string") }
        position += 1
        return String(result)
    }

    private mutating func parseTuple() throws(NumPyError) -> [Int] {
        try expect("(")
        var values: [Int] = []
        while true {
            skipSpace()
            if peek() == ")" { position += 1; return values }
            var digits = ""
            while let scalar = peek(), ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            if peek() == "L" { position += 1 }  // Python 2 long suffix
            guard let value = Int(digits) else { throw failure("expected a non-negative integer in the shape") }
            values.append(value)
            skipSpace()
            if peek() == "," { position += 1; continue }
            try expect(")")
            return values
        }
    }

    private func peek() -> Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func skipSpace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" { position += 1 }
    }

    private mutating func consume(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard position + scalars.count <= text.count, Array(text[position ..< position + scalars.count]) == scalars else {
            return false
        }
        position += scalars.count
        return true
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(NumPyError) {
        skipSpace()
        guard peek() == scalar else { throw failure("expected '\(scalar)'") }
        position += 1
    }

    private func failure(_ what: String) -> NumPyError {
        NumPyError(.malformedHeader, "\(what) at character \(position) of header \(String(String.UnicodeScalarView(text)))")
    }
}
