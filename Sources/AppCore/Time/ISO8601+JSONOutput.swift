import HTTPCore

extension ISO8601 {
    /// Appends `format(utcMilliseconds:)`'s text, quoted as a JSON string, without building the `String`.
    package static func appendQuoted(utcMilliseconds millis: Int64, to output: inout JSONOutput) {
        let days = floorDivide(millis, 86_400_000)
        let ofDay = Int(millis - days * 86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(days))
        guard (0...9999).contains(date.year) else {
            // Outside four digits `CivilDate.pad` is not a plain zero-pad: keep its exact text.
            JSONWriter.appendString(format(utcMilliseconds: millis), to: &output)
            return
        }
        output.append(UInt8(ascii: "\""))
        appendDigits(date, to: &output)
        output.append(UInt8(ascii: "T"))
        let seconds = ofDay / 1_000
        output.appendDecimal(seconds / 3_600, minimumDigits: 2)
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(seconds / 60 % 60, minimumDigits: 2)
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(seconds % 60, minimumDigits: 2)
        output.append(UInt8(ascii: "."))
        output.appendDecimal(ofDay % 1_000, minimumDigits: 3)
        output.append("Z\"")
    }

    /// Appends `noonUTC(date)`'s text, quoted as a JSON string, without building the `String`.
    package static func appendQuotedNoonUTC(_ date: CivilDate, to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\""))
        appendDigits(date, to: &output)
        output.append("T12:00:00.000Z\"")
    }

    /// `YYYY-MM-DD` of a date whose year has at most four digits (a `CivilDate` made by `init?(year:month:day:)`).
    private static func appendDigits(_ date: CivilDate, to output: inout JSONOutput) {
        output.appendDecimal(date.year, minimumDigits: 4)
        output.append(UInt8(ascii: "-"))
        output.appendDecimal(date.month, minimumDigits: 2)
        output.append(UInt8(ascii: "-"))
        output.appendDecimal(date.day, minimumDigits: 2)
    }
}
