extension MonitorPersistence {
    /// Evidencia rows (monitor.md §4.6).
    var evidencias: any EvidenciaRepository { MariaDBEvidenciaRepository(connection: connection) }
    /// Levantamientos and their concepts (monitor.md §4.7).
    var levantamientos: any LevantamientoRepository { MariaDBLevantamientoRepository(connection: connection) }
    /// Checklists and their items (monitor.md §4.8).
    var checklists: any ChecklistRepository { MariaDBChecklistRepository(connection: connection) }
    /// Comentarios (monitor.md §4.9).
    var comentarios: any ComentarioRepository { MariaDBComentarioRepository(connection: connection) }
}
