/// Why a workbook could not be written: what was being done, and libxlsxwriter's error number and text.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done (`"workbook_close"`, `"write B9"`).
    public let operation: String
    /// libxlsxwriter's `lxw_error` number (0 when the failure was ours, e.g. an invalid address).
    public let code: Int
    /// libxlsxwriter's text for `code`, or ours.
    public let message: String

    /// An error from its parts.
    public init(operation: String, code: Int, message: String) {
        self.operation = operation
        self.code = code
        self.message = message
    }

    /// `"<operation>: <message> (lxw_error <code>)"`.
    public var description: String { "\(operation): \(message) (lxw_error \(code))" }
}
