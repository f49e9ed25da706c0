internal import CMariaDB

/// Conversions between `MYSQL_TIME` and the Swift date and time values.
enum MYSQLTimeConversion {
    static func mysqlTime(_ date: SQLDate) -> MYSQL_TIME {
        var time = MYSQL_TIME()
        time.year = UInt32(clamping: date.year)
        time.month = UInt32(clamping: date.month)
        time.day = UInt32(clamping: date.day)
        time.time_type = MYSQL_TIMESTAMP_DATE
        return time
    }

    static func mysqlTime(_ dateTime: SQLDateTime) -> MYSQL_TIME {
        var time = MYSQL_TIME()
        time.year = UInt32(clamping: dateTime.year)
        time.month = UInt32(clamping: dateTime.month)
        time.day = UInt32(clamping: dateTime.day)
        time.hour = UInt32(clamping: dateTime.hour)
        time.minute = UInt32(clamping: dateTime.minute)
        time.second = UInt32(clamping: dateTime.second)
        time.second_part = UInt(clamping: dateTime.microsecond)
        time.time_type = MYSQL_TIMESTAMP_DATETIME
        return time
    }

    static func mysqlTime(_ value: SQLTime) -> MYSQL_TIME {
        var time = MYSQL_TIME()
        time.neg = value.negative ? 1 : 0
        time.hour = UInt32(clamping: value.hours)
        time.minute = UInt32(clamping: value.minutes)
        time.second = UInt32(clamping: value.seconds)
        time.second_part = UInt(clamping: value.microseconds)
        time.time_type = MYSQL_TIMESTAMP_TIME
        return time
    }

    static func date(_ time: MYSQL_TIME) -> SQLDate {
        SQLDate(year: Int(time.year), month: Int(time.month), day: Int(time.day))
    }

    static func dateTime(_ time: MYSQL_TIME) -> SQLDateTime {
        SQLDateTime(year: Int(time.year), month: Int(time.month), day: Int(time.day),
                    hour: Int(time.hour), minute: Int(time.minute), second: Int(time.second),
                    microsecond: Int(time.second_part))
    }

    static func time(_ time: MYSQL_TIME) -> SQLTime {
        // A TIME with a day part (`1 02:00:00`) arrives as days + hours; fold the days into the hours.
        SQLTime(negative: time.neg != 0, hours: Int(time.day) * 24 + Int(time.hour), minutes: Int(time.minute),
                seconds: Int(time.second), microseconds: Int(time.second_part))
    }
}
