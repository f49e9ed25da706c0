extension MonitorPersistence {
    /// Users (`usuario`).
    var usuarios: any UsuarioRepository { MariaDBUsuarioRepository(connection: connection) }
}
