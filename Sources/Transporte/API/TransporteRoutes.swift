import HTTPCore

/// Every Transporte route, one line per feature.
enum TransporteRoutes {
    static func register(in router: inout Router<TransporteContext>) {
        OpenAPIRoutes().register(in: &router)
        SystemRoutes().register(in: &router)
        AuthRoutes().register(in: &router)
        SolicitudRoutes().register(in: &router)
        CatalogRoutes().register(in: &router)
        MotoristaRoutes().register(in: &router)
        SolicitanteRoutes().register(in: &router)
        MisionRoutes().register(in: &router)
        RegistroRoutes().register(in: &router)
    }
}
