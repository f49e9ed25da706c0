import HTTPCore

/// Every Egresos route, one line per feature. Everything is under the body-parsing group: routing first,
/// then the body (egresos.md §1.1 steps 1-2), then each route's auth middleware (steps 3-4), then the
/// handler's path checks, ownership/state checks and validation (steps 5-7).
enum EgresosRoutes {
    static func register(in router: inout Router<EgresosContext>) {
        SystemRoutes().register(in: &router)
        UserRoutes().register(in: &router)
        CatalogRoutes().register(in: &router)
        NotificationRoutes().register(in: &router)
        CustomerRoutes().register(in: &router)
        SupplierRoutes().register(in: &router)
        SupplierPortalRoutes().register(in: &router)
        QuotationRoutes().register(in: &router)
        for kind in SpendingKind.allCases { SpendingRoutes(kind: kind).register(in: &router) }
        ApprovalRoutes().register(in: &router)
        ReportRoutes().register(in: &router)
    }
}
