/// The line-by-line state machine behind `SQLScript`; see there for the rules it follows.
struct SQLScriptScanner {
    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let backslash = UInt8(ascii: "\\")
    private static let backtick = UInt8(ascii: "`")
    private static let delimiterWord = Array("delimiter".utf8)

    private let bytes: [UInt8]
    private var delimiter: [UInt8] = [UInt8(ascii: ";")]
    /// The open quote character while inside a string or quoted identifier.
    private var quote: UInt8?
    /// Inside a plain `/* */` comment, which is dropped.
    private var inComment = false
    /// A removed comment separated two tokens: the next visible byte gets a space before it, as in the client.
    private var pendingSpace = false
    /// The pending statement's text; leading whitespace is never stored.
    private var current: [UInt8] = []
    /// The line of the pending statement's first byte, `nil` while nothing is pending.
    private var startLine: Int?
    private var statements: [SQLStatement] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func scan() throws -> [SQLStatement] {
        var lineNumber = 0
        var lineStart = bytes.startIndex
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: Self.newline) ?? bytes.endIndex
            lineNumber += 1
            try scanLine(lineStart..<lineEnd, number: lineNumber)
            guard lineEnd < bytes.endIndex else { break }
            lineStart = lineEnd + 1
        }
        // Like the client in batch mode, send a last statement that lacks its delimiter.
        try finishStatement()
        return statements
    }

    private mutating func scanLine(_ line: Range<Int>, number: Int) throws {
        // The client looks for its own commands only at the start of a line and only between statements.
        if quote == nil, !inComment, startLine == nil, let argumentStart = delimiterArgument(in: line) {
            delimiter = try parseDelimiter(bytes[argumentStart..<line.upperBound], line: number)
            return
        }
        var index = line.lowerBound
        let end = line.upperBound
        while index < end {
            let byte = bytes[index]
            if inComment {
                if byte == UInt8(ascii: "*"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "/") {
                    inComment = false
                    pendingSpace = startLine != nil
                    index += 2
                } else {
                    index += 1
                }
                continue
            }
            if let open = quote {
                if byte == Self.backslash, open != Self.backtick {
                    // The escaped byte cannot close the string; an escaped line end is kept by the newline below.
                    append(byte, line: number)
                    if index + 1 < end { append(bytes[index + 1], line: number) }
                    index += 2
                    continue
                }
                if byte == open { quote = nil }
                append(byte, line: number)
                index += 1
                continue
            }
            if hasPrefix(delimiter, at: index, end: end) {
                try finishStatement()
                index += delimiter.count
                continue
            }
            if byte == UInt8(ascii: "#") || isDashDashComment(at: index, end: end) {
                break
            }
            if isPlainCommentStart(at: index, end: end) {
                inComment = true
                index += 2
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == Self.backtick {
                quote = byte
            }
            append(byte, line: number)
            index += 1
        }
        if startLine != nil {
            current.append(Self.newline)
            pendingSpace = false
        }
    }

    private mutating func append(_ byte: UInt8, line: Int) {
        if startLine == nil {
            if Self.isSpace(byte) { return }
            startLine = line
        }
        if pendingSpace {
            if !Self.isSpace(byte) { current.append(Self.space) }
            pendingSpace = false
        }
        current.append(byte)
    }

    private mutating func finishStatement() throws {
        defer {
            current.removeAll(keepingCapacity: true)
            startLine = nil
            pendingSpace = false
        }
        guard let line = startLine else { return }
        while let last = current.last, Self.isSpace(last) { current.removeLast() }
        guard !current.isEmpty else { return }
        if startsWithDelimiterWord(current[...]) {
            // The client mangles this case (it may drop the next statement), so refuse it instead.
            throw SQLScriptError(line: line, message: "DELIMITER must start its own line, outside any statement")
        }
        statements.append(SQLStatement(text: String(decoding: current, as: UTF8.self), line: line))
    }

    /// The index after `DELIMITER` and its whitespace when `line` is a delimiter command, else `nil`.
    private func delimiterArgument(in line: Range<Int>) -> Int? {
        var index = line.lowerBound
        while index < line.upperBound, Self.isSpace(bytes[index]) { index += 1 }
        guard startsWithDelimiterWord(bytes[index..<line.upperBound]) else { return nil }
        index += Self.delimiterWord.count
        while index < line.upperBound, Self.isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// The client's `get_arg`: the first word of the argument, or the text inside its quotes.
    private func parseDelimiter(_ argument: ArraySlice<UInt8>, line: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        if let first = argument.first,
           first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") || first == Self.backtick {
            var index = argument.startIndex + 1
            while index < argument.endIndex, argument[index] != first {
                if argument[index] == Self.backslash, index + 1 < argument.endIndex, argument[index + 1] == first {
                    index += 1
                }
                result.append(argument[index])
                index += 1
            }
        } else {
            result = Array(argument.prefix { !Self.isSpace($0) })
        }
        guard !result.isEmpty else {
            throw SQLScriptError(line: line, message: "DELIMITER must be followed by a 'delimiter' character or string")
        }
        guard !result.contains(Self.backslash) else {
            throw SQLScriptError(line: line, message: "DELIMITER cannot contain a backslash character")
        }
        return result
    }

    private func startsWithDelimiterWord(_ text: ArraySlice<UInt8>) -> Bool {
        let word = Self.delimiterWord
        guard text.count >= word.count else { return false }
        for (offset, letter) in word.enumerated() where text[text.startIndex + offset] | 0x20 != letter {
            return false
        }
        let next = text.startIndex + word.count
        return next == text.endIndex || Self.isSpace(text[next])
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int, end: Int) -> Bool {
        guard end - index >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    /// `--` starts a comment only when whitespace or the end of the line follows it.
    private func isDashDashComment(at index: Int, end: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "-"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") else {
            return false
        }
        return index + 2 == end || Self.isSpace(bytes[index + 2])
    }

    /// `/*` starts a dropped comment unless it is an executable `/*!` or `/*M!` comment.
    private func isPlainCommentStart(at index: Int, end: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "/"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "*") else {
            return false
        }
        if index + 2 < end, bytes[index + 2] == UInt8(ascii: "!") { return false }
        if index + 3 < end, bytes[index + 2] == UInt8(ascii: "M"), bytes[index + 3] == UInt8(ascii: "!") {
            return false
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
