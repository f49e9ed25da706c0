import MariaDB

/// The outbox writer on a module's connection: one `INSERT` into `mail_outbox` (`MailOutboxSchema`).
///
/// Made by a module's repository on the connection of the running transaction, so the message commits or rolls
/// back with the change it reports. Called outside a transaction, the row commits at once.
public struct MariaDBMailOutbox: MailOutbox {
    /// The connection (and so the transaction) the rows are written on.
    public let connection: MariaDBConnection

    /// A writer on `connection`.
    public init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Inserts `message` as a pending row, due at once.
    @discardableResult
    public func enqueue(_ message: MailMessage) throws -> Int64 {
        try Self.enqueue(message, on: connection)
    }

    /// Inserts `message` as a pending row on `connection`, due at once; returns its id.
    @discardableResult
    public static func enqueue(_ message: MailMessage, on connection: MariaDBConnection) throws(MariaDBError) -> Int64 {
        let result = try connection.execute("""
            INSERT INTO mail_outbox (recipients, subject, body_text, body_html)
            VALUES (\(message.to.joined(separator: ",")), \(message.subject), \(message.text), \(message.html))
            """)
        return Int64(result.lastInsertID)
    }

    /// Inserts `messages` as pending rows on `connection`, due at once, in one statement (one round trip however
    /// many a change queues), in their order.
    public static func enqueue(contentsOf messages: [MailMessage], on connection: MariaDBConnection) throws(MariaDBError) {
        guard let first = messages.first else { return }
        guard messages.count > 1 else {
            try enqueue(first, on: connection)
            return
        }
        var query: SQLQuery = "INSERT INTO mail_outbox (recipients, subject, body_text, body_html) VALUES "
        for (index, message) in messages.enumerated() {
            query.append(index == 0 ? "" : ", ")
            query.append("(\(message.to.joined(separator: ",")), \(message.subject), \(message.text), \(message.html))")
        }
        try connection.execute(query)
    }
}
