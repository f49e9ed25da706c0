import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// The routes of the bad-input sweep: every declared route that takes input, called by an admitted caller on
/// rows that exist (so that a request reaches its body checks), and what a refusal must look like.
struct BadInputSweep {
    let harness: EgresosHarness
    /// Existing ids by path parameter name.
    let ids: [String: String]

    /// The seeded database plus a notification of admin's, a draft quotation 1 with its supplier quotation 1 (so that
    /// `supplier_id` 1 is both the seeded supplier and a supplier quotation of quotation 1, and edits reach their body
    /// checks), an approved, unpaid payment schedule of supplier 1, a draft supply and refund, and a quotation, a
    /// supply and a refund with the directors (status 2) for the reject routes: a draft's reject is a 409 before its
    /// body is read (§1.1 step 6 before 7), so only an item under review lets a reject reach its body checks.
    init() throws {
        harness = try EgresosHarness()
        let notification = try harness.notification(to: 4001, from: 4002)
        _ = try harness.paymentSchedule(quotationStatus: 0)
        let schedule = try harness.paymentSchedule(quotationStatus: 3)
        _ = try harness.paymentSchedule(quotationStatus: 2)
        let reviewed = try harness.count("SELECT MAX(id) FROM quotations")
        let supply = try harness.spending(.supply)
        let refund = try harness.spending(.refund)
        let supplyInReview = try harness.spending(.supply, status: 2)
        let refundInReview = try harness.spending(.refund, status: 2)
        ids = ["user_id": "4006", "customer_id": "1", "brand_id": "1", "project_id": "1", "supplier_id": "1", "quotation_id": "1",
               "notification_id": String(notification), "payment_schedule_id": String(schedule),
               "supply_id": String(supply.id), "refund_id": String(refund.id),
               "supply_id/expense_id": String(supply.expenses[0]), "refund_id/expense_id": String(refund.expenses[0]),
               "review/quotation_id": String(reviewed), "review/supply_id": String(supplyInReview.id),
               "review/refund_id": String(refundInReview.id)]
        // Link admin's token first and count its login: its first use writes the link (§10.1 step 5), its first #1 the
        // login (§3.1); neither may count as a change a swept request made.
        _ = harness.call(.get, "/api/v1/users/profile", as: "admin")
    }

    /// A declared route with what the sweep needs to call it.
    struct Route: CustomStringConvertible {
        let method: HTTPMethod
        /// The declared path (`/api/v1/users/:user_id(int)`).
        let declared: String
        let caller: EgresosHarness.Caller
        /// The body fields its rules declare (none: the route reads no body).
        let fields: [(name: String, rules: String)]
        var description: String { "\(method.rawValue) \(declared)" }
        /// The names of its path parameters, in order.
        var parameters: [String] {
            declared.split(separator: "/").filter { $0.hasPrefix(":") }.map { segment in
                String(segment.dropFirst().prefix { $0 != "(" })
            }
        }
    }

    /// Every declared route, with an admitted caller (admin for staff routes, the seeded supplier for supplier
    /// routes, nobody for public ones) and its body fields from `EgresosEndpointRules`.
    var routes: [Route] {
        harness.responder.declaredRoutes.map { route in
            let caller: EgresosHarness.Caller = switch RouteAccessTable.byKey[RouteAccessTable.key(route.method.rawValue, route.path)] {
            case .supplier?: .seededSupplier
            case .staff?: "admin"
            case .open?, nil: .anonymous
            }
            return Route(method: route.method, declared: route.path, caller: caller, fields: Self.fields(route.method, route.path))
        }
    }

    /// Routes whose rules declare body fields.
    var bodyRoutes: [Route] { routes.filter { !$0.fields.isEmpty } }

    /// The body fields of every `EndpointRules` declared for `method path` (#30 has two sets: their union).
    static func fields(_ method: HTTPMethod, _ path: String) -> [(name: String, rules: String)] {
        var fields: [(name: String, rules: String)] = []
        for rules in EgresosEndpointRules.declared {
            let words = rules.endpoint.split(separator: " ").map(String.init)
            guard words.count >= 3, words[1].split(separator: "|").contains(Substring(method.rawValue)),
                  RouteAccessTable.key(method.rawValue, words[2]) == RouteAccessTable.key(method.rawValue, path) else { continue }
            for (name, rule) in rules.body where !fields.contains(where: { $0.name == name }) { fields.append((name, rule)) }
        }
        return fields
    }

    /// The concrete path of `route`, with existing ids, and `override` for one parameter. A nested id is looked up
    /// under its parent first (`supply_id/expense_id`: an expense of that supply).
    func path(_ route: Route, override: (name: String, value: String)? = nil) -> String {
        var parent: String?
        return "/" + route.declared.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            let name = String(segment.dropFirst().prefix { $0 != "(" })
            defer { parent = name }
            if let override, override.name == name { return override.value }
            if route.declared.hasSuffix("/reject"), let reviewed = ids["review/\(name)"] { return reviewed }
            return parent.flatMap { ids["\($0)/\(name)"] } ?? ids[name] ?? "1"
        }.joined(separator: "/")
    }

    /// Sends a raw body to `route`.
    func send(_ route: Route, path: String? = nil, body: [UInt8]?, contentType: String?) -> TestResponse {
        harness.send(route.method, path ?? self.path(route), body: body, contentType: contentType, as: route.caller)
    }

    /// Runs `requests` on `route` and expects each answer to be a client error in Egresos' format (and `check`),
    /// and the database and files unchanged after them.
    func expectRefused(_ route: Route, _ requests: [(String, () -> TestResponse)],
                       check: (String, TestResponse) -> Void = { _, _ in }) throws {
        let before = try harness.fingerprint()
        for (what, request) in requests {
            let response = request()
            Self.expectClientError(response, "\(route) with \(what)")
            check("\(route) with \(what)", response)
        }
        #expect(try harness.fingerprint() == before, "\(route): a refused request changed the database or the files")
    }

    /// A 4xx in one of the formats of egresos.md §8.3: `{"code": "<code>", "message"}` whose code starts with the
    /// status, or `{"code": <status>, "message", "errors": [{code, fields, message}, …]}`; JSON, never HTML.
    static func expectClientError(_ response: TestResponse, _ what: String) {
        #expect((400..<500).contains(response.status), "\(what): \(response.status) \(response.text)")
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true, "\(what): \(response.text)")
        guard let body = response.json, body["message"]?.stringValue?.isEmpty == false else {
            Issue.record("\(what): not an Egresos error body: \(response.text)")
            return
        }
        switch body["code"] {
        case .string(let code)?:
            #expect(code.hasPrefix(String(response.status)) && body["errors"] == nil, "\(what): \(response.text)")
        case .number(let code)?:
            #expect(code == String(response.status) && !response.fieldErrors.isEmpty
                        && !response.fieldErrors.contains { $0.hasPrefix("?") || $0.hasSuffix(":-1") }, "\(what): \(response.text)")
        default:
            Issue.record("\(what): no code: \(response.text)")
        }
    }
}
