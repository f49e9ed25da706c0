import MariaDB
import Testing

@Suite("MariaDBError classification and descriptions")
struct MariaDBErrorTests {
    @Test("server and client codes map to kinds", arguments: [
        (Int32(1062), MariaDBError.Kind.duplicateKey), (1586, .duplicateKey),
        (1451, .foreignKeyViolation), (1452, .foreignKeyViolation), (1216, .foreignKeyViolation), (1217, .foreignKeyViolation),
        (1213, .deadlock), (1205, .lockWaitTimeout), (1969, .statementTimeout),
        (2006, .connectionLost), (2013, .connectionLost), (2055, .connectionLost), (2014, .connectionLost),
        (2056, .connectionLost), (1243, .connectionLost), (1927, .connectionLost), (1053, .connectionLost),
        (1047, .connectionLost), (1180, .connectionLost),
        (2002, .connectionFailed), (2003, .connectionFailed), (1045, .connectionFailed), (1049, .connectionFailed),
        (1406, .dataTooLong), (1366, .invalidValue), (1292, .invalidValue), (1264, .invalidValue), (1048, .invalidValue),
        (4025, .invalidValue), (1644, .signal), (1064, .other), (1146, .other),
    ])
    func classification(code: Int32, kind: MariaDBError.Kind) {
        #expect(MariaDBError.kind(forCode: code) == kind)
        #expect(MariaDBError(code: code, sqlState: "HY000", message: "m").kind == kind)
    }

    @Test("connection problems are recognised")
    func connectionProblems() {
        #expect(MariaDBError(code: 2013, sqlState: nil, message: "lost").isConnectionProblem)
        #expect(MariaDBError(code: 2002, sqlState: nil, message: "no socket").isConnectionProblem)
        #expect(!MariaDBError(code: 1062, sqlState: "23000", message: "dup").isConnectionProblem)
    }

    @Test("description is generic; debugDescription has every detail")
    func descriptions() {
        let error = MariaDBError(code: 1062, sqlState: "23000",
                                 message: "Duplicate entry 'ana@example.com' for key 'email'",
                                 query: "INSERT INTO users (email) VALUES (?)")
        #expect(error.description == "MariaDB error: duplicate key")
        #expect("\(error)" == "MariaDB error: duplicate key")
        #expect(!error.description.contains("ana@example.com"))
        #expect(!error.description.contains("INSERT"))
        let debug = String(reflecting: error)
        #expect(debug.contains("1062"))
        #expect(debug.contains("23000"))
        #expect(debug.contains("ana@example.com"))
        #expect(debug.contains("INSERT INTO users"))
    }

    @Test("signal keeps the procedure's message text out of the description")
    func signal() {
        let error = MariaDBError(code: 1644, sqlState: "45000", message: "saldo insuficiente")
        #expect(error.kind == .signal)
        #expect(error.message == "saldo insuficiente")
        #expect(!error.description.contains("saldo"))
    }

    @Test("decoding errors name the column")
    func decoding() {
        let error = MariaDBError(kind: .decoding(column: "total"), message: "column 'total' holds text")
        #expect(error.description == "MariaDB error: cannot decode column 'total'")
        #expect(error.code == nil)
    }
}
