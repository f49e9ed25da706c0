import AppCore
import HTTPCore

/// The users endpoints (egresos.md §2 #1-#6, §3.1). Handlers decode and validate, `UserService` decides.
struct UserRoutes {
    func register(in router: inout Router<EgresosContext>) {
        // #1: the caller's profile; records the login of the token's `iat` and copies its profile claims.
        router.add(UserOperations.profile) { _, context in
            let user = try UserService(repository: context.persistence.users).profile(of: try context.staffCaller())
            return .json(.object([("user", UserJSON.full(user, context))]))
        }

        // #6: every active user, by id.
        router.add(UserOperations.list) { _, context in
            let users = try context.persistence.users.activeUsers()
            return .json(.object([("users", .array(users.map { UserJSON.full($0, context) }))]))
        }

        // #2: create (201 with the stored user); an admin only by an admin (403 4031, step 6, before the body).
        router.add(UserOperations.create) { request, context in
            let caller = try context.staffCaller()
            let service = UserService(repository: context.persistence.users)
            let input = try context.validate(request, EgresosEndpointRules.createUser) { _ in
                try service.checkCreate(caller: caller, role: try request.input(limits: context.bodyLimits)["role"]?.stringValue)
            }
            let user = try service.create(
                caller: caller, email: input.body["email"]?.stringValue ?? "", name: input.body["name"]?.stringValue ?? "",
                jobTitle: input.body["job_title"]?.stringValue ?? "", role: input.body["role"]?.stringValue ?? "")
            return .json(.object([("user", UserJSON.full(user, context))]), status: 201)
        }

        // #4: one active user.
        router.add(UserOperations.show) { request, context in
            let input = try context.validate(request, EgresosEndpointRules.showUser)
            guard let id = EgresosInput.int(input.path, "user_id"), let user = try context.persistence.users.user(id: id) else {
                throw Self.userNotFound
            }
            return .json(.object([("user", UserJSON.full(user, context))]))
        }

        // #3: partial edit → 204; granting or removing admin as a non-admin → 403 4031; own role → 423 4231; demoting
        // the last admin → 409 4091 (step 6, before the body).
        router.add(UserOperations.update) { request, context in
            let caller = try context.staffCaller()
            let service = UserService(repository: context.persistence.users)
            let excluded: [ValidationTable: Int] = Int(request.parameter("user_id")).map { [.users: $0] } ?? [:]
            let input = try context.validate(request, EgresosEndpointRules.updateUser,
                                             context: ValidationContext(excludingIDs: excluded)) { path in
                guard let id = EgresosInput.int(path, "user_id") else { return }
                let role = try request.input(limits: context.bodyLimits)["role"]?.stringValue
                try service.checkEdit(caller: caller, targetID: id, role: role)
            }
            guard let id = EgresosInput.int(input.path, "user_id") else { throw Self.userNotFound }
            let changes = UserChanges(email: input.body["email"]?.stringValue?.trimmedEmail,
                                      name: input.body["name"]?.stringValue,
                                      jobTitle: input.body["job_title"]?.stringValue, role: input.body["role"]?.stringValue)
            try service.edit(caller: caller, targetID: id, changes: changes)
            return .noContent
        }

        // #5: soft delete → 204; self → 423 4232; the last admin → 409 4091.
        router.add(UserOperations.delete) { request, context in
            let caller = try context.staffCaller()
            let service = UserService(repository: context.persistence.users)
            let input = try context.validate(request, EgresosEndpointRules.deleteUser) { path in
                guard let id = EgresosInput.int(path, "user_id") else { return }
                try service.checkDelete(caller: caller, targetID: id)
            }
            guard let id = EgresosInput.int(input.path, "user_id") else { throw Self.userNotFound }
            try service.delete(caller: caller, targetID: id, now: context.auth.clock.nowMilliseconds())
            return .noContent
        }
    }

    /// The 404 `4042 User` of a path id (a row deleted between the check and the read).
    static let userNotFound = EgresosValidationError(failures: [ValidationFailure(field: "user_id", code: 4042, values: ["model": "User"])])
}

/// The user serializers of egresos.md §5.
enum UserJSON {
    /// UserFull (§5 item 1): the doc's keys in its order, then EXT `custom_picture`; `picture` falls back to
    /// `DEFAULT_PROFILE_PICTURE_URL`.
    static func full(_ user: UserRecord, _ context: EgresosContext) -> JSONValue {
        .object([
            ("id", .integer(user.id)), ("user_id", .optional(user.subject)), ("email", .string(user.email)),
            ("given_name", .optional(user.givenName)), ("family_name", .optional(user.familyName)),
            ("name", .string(user.name)), ("picture", .string(user.picture ?? context.auth.settings.defaultProfilePicture)),
            ("nickname", .optional(user.nickname)), ("job_title", .string(user.jobTitle)),
            ("last_login", .optional(user.lastLogin.map { ISO8601.format(utcMilliseconds: $0) })),
            ("logins_count", .integer(user.loginsCount)), ("role", .string(user.role)),
            ("custom_picture", .optional(user.customPicture)),
        ])
    }
}

private extension String {
    /// An e-mail as stored: without surrounding whitespace.
    var trimmedEmail: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
