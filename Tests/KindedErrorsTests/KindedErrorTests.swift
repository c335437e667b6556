import KindedErrors
import Testing

/// A kind with nothing but cases: errors read "kind: message" and carry no details.
private enum ParseFailure: String, ErrorKind {
    case emptyInput
    case badDigit
}

private typealias ParseError = KindedError<ParseFailure>

/// A kind whose errors carry a column and read differently.
private enum CursorFailure: String, ErrorKind {
    case outOfRange

    typealias Details = Int

    static func description(of error: KindedError<CursorFailure>) -> String {
        "\(error.kind.rawValue) at column \(error.details): \(error.message)"
    }
}

@Suite struct KindedErrorTests {
    @Test func readsKindColonMessageByDefault() {
        let error = ParseError(.badDigit, "'x' is not a digit")
        #expect(error.description == "badDigit: 'x' is not a digit")
        #expect("\(error)" == "badDigit: 'x' is not a digit")
        #expect(error.details == NoErrorDetails())
    }

    @Test func aKindCanCarryDetailsAndChangeTheText() {
        let error = KindedError<CursorFailure>(.outOfRange, "past the end", details: 12)
        #expect(error.details == 12)
        #expect(error.description == "outOfRange at column 12: past the end")
    }

    @Test func equalityAndHashingSeeKindMessageAndDetails() {
        let errors: Set = [
            KindedError<CursorFailure>(.outOfRange, "a", details: 1),
            KindedError<CursorFailure>(.outOfRange, "a", details: 1),
            KindedError<CursorFailure>(.outOfRange, "a", details: 2),
            KindedError<CursorFailure>(.outOfRange, "b", details: 1),
        ]
        #expect(errors.count == 3)
        #expect(ParseError(.emptyInput, "m") != ParseError(.badDigit, "m"))
    }

    @Test func isThrownTypedAndCaughtByKind() {
        func parse(_ text: String) throws(ParseError) -> Int {
            guard !text.isEmpty else { throw ParseError(.emptyInput, "nothing to parse") }
            guard let value = Int(text) else { throw ParseError(.badDigit, "'\(text)' is not a number") }
            return value
        }
        #expect(throws: ParseError(.emptyInput, "nothing to parse")) { try parse("") }
        do {
            _ = try parse("x")
            Issue.record("no error")
        } catch where error.kind == .badDigit {
            #expect(error.message == "'x' is not a number")
        } catch {
            Issue.record("wrong kind \(error.kind)")
        }
        let kind: ParseError.Kind = .emptyInput
        #expect(kind.rawValue == "emptyInput")
        #expect(ParseFailure(rawValue: "badDigit") == .badDigit)
    }

    @Test func fieldsCanBeChanged() {
        var error = KindedError<CursorFailure>(.outOfRange, "past the end", details: 3)
        error.message = "before the start"
        error.details = 0
        #expect(error.description == "outOfRange at column 0: before the start")
    }
}
