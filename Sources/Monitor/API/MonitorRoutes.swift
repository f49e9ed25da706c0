import HTTPCore

/// Every Monitor route, in one place: each feature registers its declared operations here (monitor.md §4);
/// `OpenAPIRoutes` comes last, as it documents every operation registered before it.
enum MonitorRoutes {
    static func register(in router: inout Router<MonitorContext>) {
        SystemRoutes().register(in: &router)
        AuthRoutes().register(in: &router)
        ExpedienteRoutes().register(in: &router)
        EvidenciaRoutes().register(in: &router)
        BackupRoutes().register(in: &router)
        LevantamientoRoutes().register(in: &router)
        ChecklistRoutes().register(in: &router)
        ComentarioRoutes().register(in: &router)
        FormatoRoutes().register(in: &router)
        LogRoutes().register(in: &router)
        DiagnosticoRoutes().register(in: &router)
        OpenAPIRoutes().register(in: &router)
    }
}
