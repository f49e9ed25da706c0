import AppCore
import MariaDB

extension DatabaseSettings {
    /// The driver configuration for these settings.
    var mariaDBConfiguration: MariaDBConfiguration {
        MariaDBConfiguration(socket: host == nil ? socket : nil, host: host, port: port, user: user,
                             password: password, database: name)
    }
}
