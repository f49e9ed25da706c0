import HTTPCore

/// Every Transporte route, one line per feature.
enum TransporteRoutes {
    static func register(in router: inout Router<TransporteContext>) {
        SystemRoutes().register(in: &router)
        AuthRoutes().register(in: &router)
        CatalogRoutes().register(in: &router)
    }
}
