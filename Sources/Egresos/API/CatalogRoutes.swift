import HTTPCore

/// The catalogues (egresos.md §2 #62, #63, §3.9): any registered staff user.
struct CatalogRoutes {
    func register(in router: inout Router<EgresosContext>) {
        // #62: the concept names ever saved, by id (§6.6).
        router.add(CatalogOperations.concepts) { _, context in
            let names = try context.persistence.catalogs.concepts()
            return .json(.object([("concepts", .array(names.map(JSONValue.string)))]))
        }

        // #63: the business activities, by id.
        router.add(CatalogOperations.businessActivities) { _, context in
            let activities = try context.persistence.catalogs.businessActivities()
            return .json(.object([("business_activities", .array(activities.map {
                .object([("id", .integer($0.id)), ("name", .string($0.name))])
            }))]))
        }
    }
}
