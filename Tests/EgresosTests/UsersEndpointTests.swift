@testable import Egresos
import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// #1-#6 (egresos.md §3.1) through the real responder and a seeded database.
@Suite("Egresos users endpoints")
struct UsersEndpointTests {
    static let userFullKeys = ["id", "user_id", "email", "given_name", "family_name", "name", "picture", "nickname", "job_title",
                               "last_login", "logins_count", "role", "custom_picture"]
    static let defaultPicture = "http://payment-docs.element.mx/images/default_profile.jpg"
    static let tara = #"{"email": "tara.bashirian@element.com.mx", "name": "Tara  Bashirian Ruiz", "job_title": "Future Division Specialist", "role": "employee"}"#

    @Test("#1 profile: UserFull of the caller; a later iat counts a login; profile claims are copied and cut")
    func profile() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let first = h.call(.get, "/api/v1/users/profile")
        #expect(first.status == 200)
        #expect(first.json?["user"]?.objectValue?.keys == Self.userFullKeys)
        let user = first.json?["user"]
        #expect(egInt(user?["id"]) == 4001)
        #expect(user?["user_id"]?.stringValue == "auth0|admin@element.com.mx")
        #expect(user?["role"]?.stringValue == "admin")
        #expect(user?["picture"]?.stringValue == Self.defaultPicture)
        #expect(user?["custom_picture"] == .null)
        // The first use links the sub and records that login; the same iat again counts nothing.
        #expect(egInt(user?["logins_count"]) == 1)
        #expect(user?["last_login"]?.stringValue == "2026-12-01T12:00:00.000Z")
        #expect(egInt(h.call(.get, "/api/v1/users/profile").json?["user"]?["logins_count"]) == 1)

        h.clock.advance(seconds: 90)
        let long = String(repeating: "x", count: 1100)
        let token = h.token("admin@element.com.mx", ["given_name": .string("Eduardo"), "family_name": .string("Miranda"),
                                                    "nickname": .string("eduardo.miranda"), "picture": .string(long),
                                                    "name": .string("Not Taken"), "role": .string("employee")])
        let second = h.call(.get, "/api/v1/users/profile", token: token)
        let updated = second.json?["user"]
        #expect(second.status == 200)
        #expect(egInt(updated?["logins_count"]) == 2)
        #expect(updated?["last_login"]?.stringValue == "2026-12-01T12:01:30.000Z")
        #expect(updated?["given_name"]?.stringValue == "Eduardo")
        #expect(updated?["family_name"]?.stringValue == "Miranda")
        #expect(updated?["nickname"]?.stringValue == "eduardo.miranda")
        #expect(updated?["picture"]?.stringValue?.count == 1024)
        #expect(updated?["name"]?.stringValue != "Not Taken")
        #expect(updated?["role"]?.stringValue == "admin")
        // An older token (iat before last_login) counts nothing.
        let old = h.token("admin@element.com.mx", ["iat": .integer(h.now - 30)])
        #expect(egInt(h.call(.get, "/api/v1/users/profile", token: old).json?["user"]?["logins_count"]) == 2)
        // The counted iat again with a changed claim: the claim is stored, no login is counted.
        let renamed = h.token("admin@element.com.mx", ["given_name": .string("Eduarda"), "iat": .integer(h.now)])
        let third = h.call(.get, "/api/v1/users/profile", token: renamed).json?["user"]
        #expect(third?["given_name"]?.stringValue == "Eduarda")
        #expect(third?["family_name"]?.stringValue == "Miranda")
        #expect(egInt(third?["logins_count"]) == 2)
        #expect(third?["last_login"]?.stringValue == "2026-12-01T12:01:30.000Z")
    }

    @Test("UserFull's picture falls back to DEFAULT_PROFILE_PICTURE_URL")
    func defaultPicture() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil, extra: ["DEFAULT_PROFILE_PICTURE_URL": "https://cdn.test/default.png"])
        #expect(h.call(.get, "/api/v1/users/4002").json?["user"]?["picture"]?.stringValue == "https://cdn.test/default.png")
    }

    @Test("#1 refusals: no token 401 4014, an unregistered e-mail 403 4031 (English), a deleted user 403 4031")
    func profileRefusals() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let before = try h.usersSnapshot()
        let none = h.call(.get, "/api/v1/users/profile", as: .anonymous)
        #expect(none.status == 401 && none.errorCode == "4014")
        let stranger = h.call(.get, "/api/v1/users/profile", as: "nadie@element.com.mx", language: "en-US,es;q=0.8")
        #expect(stranger.status == 403 && stranger.errorCode == "4031")
        #expect(stranger.json?["message"]?.stringValue == "You do not have permission to perform this action.")
        #expect(try h.usersSnapshot() == before)
        #expect(h.call(.delete, "/api/v1/users/4006").status == 204)
        #expect(h.call(.get, "/api/v1/users/profile", as: "empleado@element.com.mx").errorCode == "4031")
    }

    @Test("#2 create: 201 with the stored user and the derived names")
    func create() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let response = h.call(.post, "/api/v1/users", json: Self.tara, as: "rh@element.com.mx")
        #expect(response.status == 201)
        #expect(response.keys("user") == Self.userFullKeys)
        let user = response.json?["user"]
        #expect(egInt(user?["id"]) == 4007)
        #expect(user?["user_id"] == .null)
        #expect(user?["email"]?.stringValue == "tara.bashirian@element.com.mx")
        #expect(user?["given_name"]?.stringValue == "Tara")
        #expect(user?["family_name"]?.stringValue == "Bashirian Ruiz")
        #expect(user?["name"]?.stringValue == "Tara  Bashirian Ruiz")
        #expect(user?["nickname"]?.stringValue == "tara.bashirian")
        #expect(user?["picture"]?.stringValue == Self.defaultPicture)
        #expect(user?["last_login"] == .null)
        #expect(egInt(user?["logins_count"]) == 0)
        #expect(user?["role"]?.stringValue == "employee")
        #expect(user?["job_title"]?.stringValue == "Future Division Specialist")
        // The new user can sign in (first use links the sub).
        #expect(egInt(h.call(.get, "/api/v1/users/profile", as: "tara.bashirian@element.com.mx").json?["user"]?["id"]) == 4007)
        // A one-word name has no family name.
        let single = h.call(.post, "/api/v1/users", json: #"{"email": "solo@element.com.mx", "name": "Solo", "job_title": "X", "role": "rh"}"#)
        #expect(single.status == 201 && single.json?["user"]?["family_name"] == .null)
    }

    @Test("#2 refusals write nothing: roles, missing fields, formats, role list, taken e-mail (any case)")
    func createRefusals() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        _ = h.call(.get, "/api/v1/users/profile", as: "manager@element.com.mx")
        _ = h.call(.get, "/api/v1/users/profile", as: "admin@element.com.mx")
        let before = try h.usersSnapshot()
        let manager = h.call(.post, "/api/v1/users", json: Self.tara, as: "manager@element.com.mx")
        #expect(manager.status == 403 && manager.errorCode == "4031")
        let missing = h.call(.post, "/api/v1/users", json: "{}")
        #expect(missing.status == 400)
        #expect(missing.json?["code"] == .number("400"))
        #expect(missing.fieldErrors == ["email:4001", "name:4001", "role:4001", "job_title:4001"])
        let bad = h.call(.post, "/api/v1/users",
                         json: #"{"email": "tara@gmail.com", "name": "", "role": "boss", "job_title": 5}"#, language: "en")
        #expect(bad.status == 422)
        #expect(bad.fieldErrors == ["email:4224", "name:4221", "role:42210", "job_title:42217"])
        #expect(bad.json?["errors"]?.egItems?[2]["message"]?.stringValue
                == "It must be one of the following values: admin,rh,manager,grouper,account_manager,employee")
        let taken = h.call(.post, "/api/v1/users",
                           json: #"{"email": "ADMIN@Element.com.mx", "name": "Otro", "role": "rh", "job_title": "RH"}"#)
        #expect(taken.status == 409 && taken.fieldErrors == ["email:4093"])
        #expect(taken.json?["errors"]?.egItems?[0]["message"]?.stringValue == "email ADMIN@Element.com.mx ya ha sido tomado.")
        let long = String(repeating: "a", count: 250) + "@element.com.mx"
        let tooLong = h.call(.post, "/api/v1/users", json: #"{"email": "\#(long)", "name": "Largo", "role": "rh", "job_title": "RH"}"#)
        #expect(tooLong.status == 422 && tooLong.fieldErrors == ["email:4223"])
        let malformed = h.call(.post, "/api/v1/users", json: "{")
        #expect(malformed.status == 400 && malformed.errorCode == "400")
        #expect(try h.usersSnapshot() == before)
    }

    @Test("#2 a soft-deleted user's e-mail can be registered again")
    func createReusesDeletedEmail() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        #expect(h.call(.delete, "/api/v1/users/4006").status == 204)
        let again = h.call(.post, "/api/v1/users",
                           json: #"{"email": "Empleado@element.com.mx", "name": "Nuevo Empleado", "role": "employee", "job_title": "Dev"}"#)
        #expect(again.status == 201)
        #expect(egInt(again.json?["user"]?["id"]) == 4007)
    }

    @Test("#3 edit: partial 204; only the sent fields change; the edited user's own e-mail is not taken")
    func edit() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let response = h.call(.put, "/api/v1/users/4006", json: #"{"name": "Empleado Editado", "email": "empleado@element.com.mx"}"#,
                              as: "rh@element.com.mx")
        #expect(response.status == 204 && response.text.isEmpty)
        let user = h.call(.get, "/api/v1/users/4006").json?["user"]
        #expect(user?["name"]?.stringValue == "Empleado Editado")
        #expect(user?["role"]?.stringValue == "employee")
        #expect(h.call(.put, "/api/v1/users/4006", json: #"{"role": "manager", "job_title": "Gerente"}"#).status == 204)
        let changed = h.call(.get, "/api/v1/users/4006").json?["user"]
        #expect(changed?["role"]?.stringValue == "manager" && changed?["job_title"]?.stringValue == "Gerente")
        #expect(changed?["name"]?.stringValue == "Empleado Editado")
        // Sending one's own current role is no change.
        #expect(h.call(.put, "/api/v1/users/4001", json: #"{"role": "admin", "job_title": "Director"}"#).status == 204)
        // With a second admin, the first one may be demoted.
        #expect(h.call(.put, "/api/v1/users/4003", json: #"{"role": "admin"}"#).status == 204)
        #expect(h.call(.put, "/api/v1/users/4001", json: #"{"role": "rh"}"#, as: "manager@element.com.mx").status == 204)
    }

    @Test("#3 refusals write nothing: 404 4042, 423 4231, 403 4031 (E6), 409 4093, 422, 403, 404 4041")
    func editRefusals() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        for email in ["admin@element.com.mx", "rh@element.com.mx", "empleado@element.com.mx"] {
            _ = h.call(.get, "/api/v1/users/profile", as: .staff(email))
        }
        let before = try h.usersSnapshot()
        let missing = h.call(.put, "/api/v1/users/9999", json: #"{"name": "X"}"#, language: "en")
        #expect(missing.status == 404 && missing.fieldErrors == ["user_id:4042"])
        #expect(missing.json?["errors"]?.egItems?[0]["message"]?.stringValue == "The User instance was not found.")
        let own = h.call(.put, "/api/v1/users/4001", json: #"{"role": "rh"}"#, language: "en")
        #expect(own.status == 423 && own.errorCode == "4231")
        #expect(own.json?["message"]?.stringValue == "You cannot change your role.")
        // §1.1: the state check (step 6) comes before the body's validation (step 7).
        #expect(h.call(.put, "/api/v1/users/4001", json: #"{"role": "rh", "email": "bad"}"#).errorCode == "4231")
        // rh may not take admin away (ruling E6, `UsersAdminGrantTests`); the last admin's 409 4091 is the race's.
        let notAdmin = h.call(.put, "/api/v1/users/4001", json: #"{"role": "employee"}"#, as: "rh@element.com.mx")
        #expect(notAdmin.status == 403 && notAdmin.errorCode == "4031")
        let taken = h.call(.put, "/api/v1/users/4006", json: #"{"email": "Manager@element.com.mx"}"#)
        #expect(taken.status == 409 && taken.fieldErrors == ["email:4093"])
        let bad = h.call(.put, "/api/v1/users/4006", json: #"{"name": "", "role": "boss", "job_title": 7, "email": "x@y"}"#)
        #expect(bad.status == 422 && bad.fieldErrors == ["email:42216", "name:4221", "role:42210", "job_title:42217"])
        let employee = h.call(.put, "/api/v1/users/4006", json: #"{"name": "X"}"#, as: "empleado@element.com.mx")
        #expect(employee.status == 403 && employee.errorCode == "4031")
        let route = h.call(.put, "/api/v1/users/abc", json: #"{"name": "X"}"#)
        #expect(route.status == 404 && route.errorCode == "4041")
        #expect(try h.usersSnapshot() == before)
    }

    @Test("#4 and #6: one user, the active users by id; deleted → 404 4042; other roles 403")
    func readUsers() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let one = h.call(.get, "/api/v1/users/4002", as: "rh@element.com.mx")
        #expect(one.status == 200 && one.keys("user") == Self.userFullKeys)
        #expect(one.json?["user"]?["email"]?.stringValue == "rh@element.com.mx")
        let list = h.call(.get, "/api/v1/users")
        #expect(list.status == 200)
        let ids = list.json?["users"]?.egItems?.map { egInt($0["id"]) ?? 0 }
        #expect(ids == [4001, 4002, 4003, 4004, 4005, 4006])
        #expect(list.json?["users"]?.egItems?.first?.objectValue?.keys == Self.userFullKeys)
        #expect(h.call(.delete, "/api/v1/users/4005").status == 204)
        #expect(h.call(.get, "/api/v1/users").json?["users"]?.egItems?.map { egInt($0["id"]) ?? 0 } == [4001, 4002, 4003, 4004, 4006])
        let deleted = h.call(.get, "/api/v1/users/4005")
        #expect(deleted.status == 404 && deleted.fieldErrors == ["user_id:4042"])
        #expect(h.call(.get, "/api/v1/users", as: "grouper@element.com.mx").errorCode == "4031")
        #expect(h.call(.get, "/api/v1/users/4001", as: "manager@element.com.mx").errorCode == "4031")
        #expect(h.call(.get, "/api/v1/users/4x").errorCode == "4041")
        #expect(h.call(.get, "/api/v1/users/99999999999999999999999").fieldErrors == ["user_id:4042"])
        #expect(h.call(.put, "/api/v1/users/99999999999999999999999", json: #"{"name": "X"}"#).fieldErrors == ["user_id:4042"])
        #expect(h.call(.put, "/api/v1/notifications/99999999999999999999999/read").fieldErrors == ["notification_id:4042"])
    }

    @Test("#5 delete: soft 204; self 423 4232; last admin 409 4091; unknown 404 4042; nothing written on refusals")
    func delete() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        for email in ["admin@element.com.mx", "rh@element.com.mx", "manager@element.com.mx"] {
            _ = h.call(.get, "/api/v1/users/profile", as: .staff(email))
        }
        let before = try h.usersSnapshot()
        let selfDelete = h.call(.delete, "/api/v1/users/4001", language: "en")
        #expect(selfDelete.status == 423 && selfDelete.errorCode == "4232")
        #expect(selfDelete.json?["message"]?.stringValue == "You cannot deactivate yourself.")
        let lastAdmin = h.call(.delete, "/api/v1/users/4001", as: "rh@element.com.mx", language: "en")
        #expect(lastAdmin.status == 409 && lastAdmin.errorCode == "4091")
        #expect(lastAdmin.json?["message"]?.stringValue == "The administrator must keep the basic permissions.")
        #expect(h.call(.delete, "/api/v1/users/9999").fieldErrors == ["user_id:4042"])
        #expect(h.call(.delete, "/api/v1/users/4006", as: "manager@element.com.mx").errorCode == "4031")
        #expect(try h.usersSnapshot() == before)
        let ok = h.call(.delete, "/api/v1/users/4006", as: "rh@element.com.mx")
        #expect(ok.status == 204 && ok.text.isEmpty)
        #expect(try h.count("SELECT COUNT(*) FROM users WHERE id = 4006 AND deleted_at IS NOT NULL") == 1)
        #expect(h.call(.delete, "/api/v1/users/4006").fieldErrors == ["user_id:4042"])
        // With a second admin, the first one can be deleted by someone else.
        #expect(h.call(.put, "/api/v1/users/4003", json: #"{"role": "admin"}"#).status == 204)
        #expect(h.call(.delete, "/api/v1/users/4001", as: "rh@element.com.mx").status == 204)
    }
}

/// Two requests that would each remove one of the last two admins: exactly one wins (§3.1 4091, ruling 2).
@Suite("Egresos users: the last admin under concurrency")
struct UsersLastAdminRaceTests {
    /// Admin 4003 demotes admin 4001 (only an admin may, ruling E6) while rh deletes 4003. Whichever commits second
    /// finds no other admin: 409 4091. When the delete commits before the demotion is even authenticated, 4003 is
    /// no user any more and the demotion is 403 4031; either way one admin is left.
    @Test("demoting one admin and deleting the other at once leaves one active admin", arguments: 0..<12)
    func race(_ round: Int) throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        #expect(h.call(.put, "/api/v1/users/4003", json: #"{"role": "admin"}"#).status == 204)
        let (rh, manager) = (h.token("rh@element.com.mx"), h.token("manager@element.com.mx"))
        _ = h.call(.get, "/api/v1/users/profile", token: rh)
        _ = h.call(.get, "/api/v1/users/profile", token: manager)
        let (module, responder, configuration) = (h.module, h.responder, h.database.configuration)
        let requests: [(HTTPMethod, String, String, String)] = [(.put, "/api/v1/users/4001", #"{"role": "rh"}"#, manager),
                                                                (.delete, "/api/v1/users/4003", "", rh)]
        let outcomes = RaceResponses()
        let ready = DispatchSemaphore(value: 0)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (method, path, body, token) in requests {
            done.enter()
            Thread {
                let client = RaceClient(responder: responder, configuration: configuration, makeContext: module.makeContext)
                _ = client.connection.ping()
                ready.signal()
                start.wait()
                outcomes.record(client.call(method, path, json: body.isEmpty ? "{}" : body, token: token))
                done.leave()
            }.start()
        }
        for _ in requests { ready.wait() }
        for _ in requests { start.signal() }
        done.wait()
        let responses = outcomes.all
        let refusals = responses.filter { $0.status != 204 }.map { "\($0.status) \($0.errorCode ?? "-")" }
        #expect(responses.count == 2 && (refusals == ["409 4091"] || refusals == ["403 4031"]), "\(responses.map(\.text))")
        #expect(try h.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL") == 1)
    }
}

/// Ruling E6: only an admin grants or removes the admin role (#2 with `role: admin`, #3 to or from admin). Anyone
/// else, rh included (it may otherwise manage users), gets 403 `4031` and nothing is written.
@Suite("Egresos users: only an admin grants or removes admin (E6)")
struct UsersAdminGrantTests {
    static let newAdmin = #"{"email": "nueva.directora@element.com.mx", "name": "Nueva Directora", "job_title": "Directora", "role": "admin"}"#

    @Test("#2 role admin: rh → 403 4031 before the body is validated, nothing written; rh creates other roles; admin creates admins")
    func create() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        for user in ["admin@element.com.mx", "rh@element.com.mx"] { _ = h.call(.get, "/api/v1/users/profile", as: .staff(user)) }
        let before = try h.usersSnapshot()
        let refused = h.call(.post, "/api/v1/users", json: Self.newAdmin, as: "rh@element.com.mx", language: "en")
        #expect(refused.status == 403 && refused.errorCode == "4031")
        #expect(refused.json?["message"]?.stringValue == "You do not have permission to perform this action.")
        // §1.1: the permission check (step 6) comes before the body's validation (step 7).
        let invalid = h.call(.post, "/api/v1/users", json: #"{"email": "x@y", "role": "admin"}"#, as: "rh@element.com.mx")
        #expect(invalid.status == 403 && invalid.errorCode == "4031")
        #expect(try h.usersSnapshot() == before)

        let manager = h.call(.post, "/api/v1/users", json: UsersEndpointTests.tara.replacingOccurrences(of: "employee", with: "manager"),
                             as: "rh@element.com.mx")
        #expect(manager.status == 201 && manager.json?["user"]?["role"]?.stringValue == "manager")
        let admin = h.call(.post, "/api/v1/users", json: Self.newAdmin, as: "admin@element.com.mx")
        #expect(admin.status == 201 && admin.json?["user"]?["role"]?.stringValue == "admin")
        #expect(try h.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL") == 2)
    }

    @Test("#3 to or from admin: rh → 403 4031 before the body is validated, nothing written; rh changes other roles; admin may")
    func edit() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        for user in ["admin@element.com.mx", "rh@element.com.mx"] { _ = h.call(.get, "/api/v1/users/profile", as: .staff(user)) }
        // Admin grants (manager 4003 → admin): allowed; two admins, so removing one is not refused as the last.
        #expect(h.call(.put, "/api/v1/users/4003", json: #"{"role": "admin"}"#).status == 204)
        let before = try h.usersSnapshot()
        let grant = h.call(.put, "/api/v1/users/4004", json: #"{"role": "admin"}"#, as: "rh@element.com.mx")
        #expect(grant.status == 403 && grant.errorCode == "4031")
        let remove = h.call(.put, "/api/v1/users/4003", json: #"{"role": "employee", "name": "Gerente"}"#, as: "rh@element.com.mx")
        #expect(remove.status == 403 && remove.errorCode == "4031")
        let removeFirst = h.call(.put, "/api/v1/users/4001", json: #"{"role": "rh"}"#, as: "rh@element.com.mx")
        #expect(removeFirst.status == 403 && removeFirst.errorCode == "4031")
        let invalid = h.call(.put, "/api/v1/users/4004", json: #"{"role": "admin", "email": "x@y"}"#, as: "rh@element.com.mx")
        #expect(invalid.status == 403 && invalid.errorCode == "4031")
        #expect(try h.usersSnapshot() == before)

        // rh still manages the other roles; an admin removes admin.
        #expect(h.call(.put, "/api/v1/users/4004", json: #"{"role": "employee"}"#, as: "rh@element.com.mx").status == 204)
        #expect(h.call(.put, "/api/v1/users/4003", json: #"{"role": "manager"}"#, as: "admin@element.com.mx").status == 204)
        let roles = try h.database.connection.query("SELECT role FROM users WHERE id IN (4001, 4003, 4004) ORDER BY id")
            .map { try $0.string("role") }
        #expect(roles == ["admin", "manager", "employee"])
    }
}
