import HTTPCore

/// Every Transporte route, one line per feature, each registered from its one declaration (`APIOperation.spec`);
/// `OpenAPIRoutes` comes last, as it documents every operation registered before it.
enum TransporteRoutes {
    static func register(in router: inout Router<TransporteContext>) {
        SystemRoutes().register(in: &router)
        AuthRoutes().register(in: &router)
        SolicitudRoutes().register(in: &router)
        CatalogRoutes().register(in: &router)
        MotoristaRoutes().register(in: &router)
        SolicitanteRoutes().register(in: &router)
        MisionRoutes().register(in: &router)
        RegistroRoutes().register(in: &router)
        OpenAPIRoutes().register(in: &router)
    }
}
