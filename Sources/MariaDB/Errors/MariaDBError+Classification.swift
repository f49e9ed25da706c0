extension MariaDBError {
    /// Classifies a server (`ER_*`) or client (`CR_*`) error code.
    ///
    /// Connection codes: `.connectionFailed` is for codes that only happen while connecting (2002/2003/2005
    /// cannot reach the server, 1045/1044 access denied, 1049 unknown database, 1040 too many connections,
    /// 1129/1130 host blocked or not allowed); they are not worth an immediate retry. `.connectionLost` is for
    /// codes that mean an established connection is gone or its statement handles are: reconnecting fixes them.
    /// Any error raised while connecting is reported as `.connectionFailed` whatever its code.
    public static func kind(forCode code: Int32) -> Kind {
        switch code {
        case 1062, 1586:
            .duplicateKey
        case 1451, 1452, 1216, 1217:
            .foreignKeyViolation
        case 1213:
            .deadlock
        case 1205:
            .lockWaitTimeout
        // 1969 ER_STATEMENT_TIMEOUT: "Query execution was interrupted (max_statement_time exceeded)".
        case 1969:
            .statementTimeout
        case 1406:
            .dataTooLong
        // 1048 NULL into NOT NULL, 1264 out of range, 1265 data truncated (bad ENUM), 1292 bad date or number,
        // 1365 division by zero, 1366 wrong string value, 1690 BIGINT out of range, 4025 CHECK constraint.
        case 1048, 1264, 1265, 1292, 1365, 1366, 1690, 4025:
            .invalidValue
        case 1644:
            .signal
        // 2006 gone away, 2013 lost during query, 2055 lost (extended), 2014 out of sync (handle state unusable),
        // 2056 statement closed by the connector, 1243 unknown statement handler (server forgot it),
        // 1927 connection killed, 1053 server shutdown in progress, 4031 disconnected for inactivity,
        // 5013/5014 network read/write error. 1047 and 1180: a Galera node that is not (or no longer) part of
        // the primary component refuses statements ("WSREP has not yet prepared node for application use") and
        // fails a COMMIT ("Got error 6 during COMMIT"): that node is unusable, another one is not.
        case 2006, 2013, 2055, 2014, 2056, 1243, 1927, 1053, 4031, 5013, 5014, 1047, 1180:
            .connectionLost
        // 2002 socket connect, 2003 TCP connect, 2005 unknown host, 1040 too many connections,
        // 1044/1045 access denied, 1049 unknown database, 1129 host blocked, 1130 host not allowed.
        case 2002, 2003, 2005, 1040, 1044, 1045, 1049, 1129, 1130:
            .connectionFailed
        default:
            .other
        }
    }
}
