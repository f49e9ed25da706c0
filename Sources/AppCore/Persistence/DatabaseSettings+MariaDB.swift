import MariaDB

extension DatabaseSettings {
    /// The driver configuration for these settings (the workers', and any thread that needs a connection of its own).
    public var mariaDBConfiguration: MariaDBConfiguration {
        MariaDBConfiguration(socket: host == nil ? socket : nil, host: host, port: port, user: user,
                             password: password, database: name)
    }
}
