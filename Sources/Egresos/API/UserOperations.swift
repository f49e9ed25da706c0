import HTTPCore

/// The users endpoints as data (egresos.md §2 #1-#6, §3.1): `UserRoutes` registers them, the OpenAPI document
/// describes them.
enum UserOperations {
    static let profile = EgresosOperation(
        method: .get, path: "/api/v1/users/profile", tag: "Users",
        summary: "#1 The caller's profile; records the login of the token's iat and copies its profile claims",
        access: .anyStaff, keys: ["user"], returns: "UserFull (§5 item 1)")
    static let list = EgresosOperation(
        method: .get, path: "/api/v1/users", tag: "Users", summary: "#6 Every active user, by id",
        access: .roles(.admin, .rh), keys: ["users"], returns: "[UserFull]")
    static let create = EgresosOperation(
        method: .post, path: "/api/v1/users", tag: "Users",
        summary: "#2 Registers a staff user (linked to its Auth0 subject on the first token); role admin only by an admin → 403 4031",
        access: .roles(.admin, .rh), rules: [EgresosEndpointRules.createUser], status: 201, keys: ["user"], returns: "UserFull")
    static let show = EgresosOperation(
        method: .get, path: "/api/v1/users/{user_id}", tag: "Users", summary: "#4 One active user",
        access: .roles(.admin, .rh), rules: [EgresosEndpointRules.showUser], keys: ["user"], returns: "UserFull")
    static let update = EgresosOperation(
        method: .put, path: "/api/v1/users/{user_id}", tag: "Users",
        summary: "#3 Partial edit; granting or removing admin as a non-admin → 403 4031, your own role → 423 4231, demoting the last admin → 409 4091",
        access: .roles(.admin, .rh), rules: [EgresosEndpointRules.updateUser], status: 204, errors: [409, 423])
    static let delete = EgresosOperation(
        method: .delete, path: "/api/v1/users/{user_id}", tag: "Users",
        summary: "#5 Soft delete; yourself → 423 4232, the last admin → 409 4091",
        access: .roles(.admin, .rh), rules: [EgresosEndpointRules.deleteUser], status: 204, errors: [409, 423])

    static let all = [profile, list, create, show, update, delete]
}
