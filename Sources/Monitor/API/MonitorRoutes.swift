import HTTPCore

/// Every Monitor route, in one place: each feature registers its routes here (monitor.md §4).
enum MonitorRoutes {
    static func register(in router: inout Router<MonitorContext>) {
        SystemRoutes().register(in: &router)
    }
}
