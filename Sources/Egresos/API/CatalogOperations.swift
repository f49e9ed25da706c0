import HTTPCore

/// The catalogue and notification endpoints as data (egresos.md §2 #62, #63, #65, #66, §3.9).
enum CatalogOperations {
    static let concepts = EgresosOperation(
        method: .get, path: "/api/v1/catalogs/concepts", tag: "Catalogs",
        summary: "#62 The concept names ever saved, in order of first appearance", access: .anyStaff,
        keys: ["concepts"], returns: "[string]")
    static let businessActivities = EgresosOperation(
        method: .get, path: "/api/v1/catalogs/business_activities", tag: "Catalogs",
        summary: "#63 The business activities, by id", access: .anyStaff, keys: ["business_activities"],
        returns: "[{id, name}]")
    static let notifications = EgresosOperation(
        method: .get, path: "/api/v1/notifications", tag: "Notifications",
        summary: "#65 The caller's live notifications, newest first", access: .anyStaff, keys: ["notifications"],
        returns: "[Notification] (§5 item 17)")
    static let readNotification = EgresosOperation(
        method: .put, path: "/api/v1/notifications/{notification_id}/read", tag: "Notifications",
        summary: "#66 Marks one of the caller's notifications read (idempotent); someone else's → 404 4042",
        access: .anyStaff, rules: [EgresosEndpointRules.readNotification], status: 204)

    static let catalogs = [concepts, businessActivities]
    static let all = catalogs + [notifications, readNotification]
}
