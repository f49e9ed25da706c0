import HTTPCore

/// Who may call an Egresos route, transcribed from egresos.md §2 (the "Auth" and "Roles" columns) and §2.1 (EXT),
/// independently of the route code: the matrix test compares the router with this table.
enum RouteAccess: Equatable {
    /// No auth (#26-#28; `GET /api/v1/health`, the operations probe); a sent header is ignored (§1 "Public").
    case open
    /// A staff bearer (A0): with roles, only those (`admin` appears in every list); empty: any registered user.
    case staff([String])
    /// A supplier session (SUP).
    case supplier

    /// A0 with no Roles line.
    static let anyStaff = RouteAccess.staff([])
    /// The quotation/supply/refund Roles line.
    static let quoting = RouteAccess.staff(["admin", "grouper", "account_manager"])
}

/// The documented routes: the 66 of §2 and the 7 EXT of §2.1 ("Total served: 73 method+path pairs"), plus health
/// the two API documents (`/openapi.json`, `/docs`) and the landing page (`/`).
enum RouteAccessTable {
    static let routes: [(route: String, access: RouteAccess)] = [
        ("GET /api/v1/health", .open),
        ("GET /openapi.json", .open),
        ("GET /docs", .open),
        ("GET /", .open),
        ("GET /api/v1/users/profile", .anyStaff),                                               // #1
        ("POST /api/v1/users", .staff(["admin", "rh"])),                                          // #2
        ("PUT /api/v1/users/:user_id", .staff(["admin", "rh"])),                                  // #3
        ("GET /api/v1/users/:user_id", .staff(["admin", "rh"])),                                  // #4
        ("DELETE /api/v1/users/:user_id", .staff(["admin", "rh"])),                               // #5
        ("GET /api/v1/users", .staff(["admin", "rh"])),                                           // #6
        ("GET /api/v1/customers", .anyStaff),                                                   // #7
        ("GET /api/v1/customers/:customer_id/brands", .anyStaff),                               // #8
        ("POST /api/v1/customers/brands", .anyStaff),                                           // #9
        ("POST /api/v1/customers", .anyStaff),                                                  // #10
        ("PUT /api/v1/customers/:customer_id", .anyStaff),                                      // #11
        ("DELETE /api/v1/customers/:customer_id", .staff(["admin"])),                             // #12
        ("GET /api/v1/brands", .anyStaff),                                                      // #13
        ("POST /api/v1/customers/:customer_id/brands", .anyStaff),                              // #14
        ("PUT /api/v1/brands/:brand_id", .anyStaff),                                            // #15
        ("DELETE /api/v1/brands/:brand_id", .staff(["admin"])),                                   // #16
        ("GET /api/v1/brands/:brand_id/projects", .anyStaff),                                   // #17
        ("GET /api/v1/projects", .anyStaff),                                                    // #18
        ("POST /api/v1/brands/:brand_id/projects", .anyStaff),                                  // #19
        ("PUT /api/v1/projects/:project_id", .anyStaff),                                        // #20
        ("DELETE /api/v1/projects/:project_id", .staff(["admin"])),                               // #21
        ("GET /api/v1/suppliers", .anyStaff),                                                   // #22
        ("GET /api/v1/suppliers/:supplier_id", .anyStaff),                                      // #23
        ("POST /api/v1/suppliers", .staff(["admin", "rh", "manager"])),                           // #24
        ("PUT /api/v1/suppliers/:supplier_id", .staff(["admin", "rh", "manager"])),               // #25
        ("POST /api/v1/suppliers/session", .open),                                              // #26
        ("PUT /api/v1/suppliers/password", .open),                                              // #27
        ("POST /api/v1/suppliers/recovery", .open),                                             // #28
        ("GET /api/v1/suppliers/billing", .supplier),                                           // #29
        ("POST /api/v1/suppliers/billing", .supplier),                                          // #30
        ("GET /api/v1/suppliers/bills", .supplier),                                             // #31
        ("GET /api/v1/suppliers/payment_schedules/:payment_schedule_id", .supplier),            // #32
        ("POST /api/v1/projects/:project_id/quotations", .quoting),                             // #33
        ("PUT /api/v1/quotations/:quotation_id", .quoting),                                     // #34
        ("POST /api/v1/quotations/:quotation_id/suppliers", .quoting),                          // #35
        ("PUT /api/v1/quotations/:quotation_id/suppliers/:supplier_id", .quoting),              // #36
        ("DELETE /api/v1/quotations/:quotation_id/suppliers/:supplier_id", .quoting),           // #37
        ("GET /api/v1/quotations/:quotation_id/resume", .anyStaff),                             // #38
        ("POST /api/v1/quotations/:quotation_id/confirm", .quoting),                            // #39
        ("GET /api/v1/quotations/:quotation_id", .quoting),                                     // #40
        ("POST /api/v1/quotations/:quotation_id/reject", .staff(["admin", "grouper"])),           // #41
        ("GET /api/v1/quotations", .quoting),                                                   // #42
        ("GET /api/v1/projects/:project_id/quotations", .quoting),                              // #43
        ("POST /api/v1/supplierquotations/:supplier_id/comments", .quoting),                    // #44
        ("GET /api/v1/schedules", .quoting),                                                    // #45
        ("POST /api/v1/supplies/expenses", .quoting),                                           // #46
        ("PUT /api/v1/supplies/:supply_id/expenses/:expense_id", .quoting),                     // #47
        ("DELETE /api/v1/supplies/:supply_id/expenses/:expense_id", .quoting),                  // #48
        ("POST /api/v1/supplies/:supply_id", .quoting),                                         // #49
        ("POST /api/v1/supplies", .quoting),                                                    // #50
        ("DELETE /api/v1/supplies/:supply_id", .quoting),                                       // #51
        ("POST /api/v1/supplies/:supply_id/confirm", .quoting),                                 // #52
        ("POST /api/v1/supplies/:supply_id/reject", .quoting),                                  // #53
        ("POST /api/v1/refunds/expenses", .quoting),                                            // #54
        ("PUT /api/v1/refunds/:refund_id/expenses/:expense_id", .quoting),                      // #55
        ("DELETE /api/v1/refunds/:refund_id/expenses/:expense_id", .quoting),                   // #56
        ("POST /api/v1/refunds/:refund_id", .quoting),                                          // #57
        ("POST /api/v1/refunds", .quoting),                                                     // #58
        ("DELETE /api/v1/refunds/:refund_id", .quoting),                                        // #59
        ("POST /api/v1/refunds/:refund_id/confirm", .quoting),                                  // #60
        ("POST /api/v1/refunds/:refund_id/reject", .quoting),                                   // #61
        ("GET /api/v1/catalogs/concepts", .anyStaff),                                           // #62
        ("GET /api/v1/catalogs/business_activities", .anyStaff),                                // #63
        ("GET /api/v1/reports/profitability", .anyStaff),                                       // #64
        ("GET /api/v1/notifications", .anyStaff),                                               // #65
        ("PUT /api/v1/notifications/:notification_id/read", .anyStaff),                         // #66
        ("GET /api/v1/supplies", .quoting),                                                     // EXT-1
        ("GET /api/v1/supplies/:supply_id", .quoting),                                          // EXT-2
        ("GET /api/v1/refunds", .quoting),                                                      // EXT-3
        ("GET /api/v1/refunds/:refund_id", .quoting),                                           // EXT-4
        ("POST /api/v1/suppliers/payment_schedules/:payment_schedule_id", .supplier),           // EXT-5
        ("PUT /api/v1/suppliers/payment_schedules/:payment_schedule_id", .supplier),            // EXT-6
        ("PUT /api/v1/payment_schedules/:payment_schedule_id/paid", .staff(["admin"])),           // EXT-7
    ]

    /// `METHOD /path` with every parameter segment (`:id`, `:id(int)`) written `:`, so that the table and the
    /// router compare whatever the parameters are named.
    static func key(_ method: String, _ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { $0.hasPrefix(":") ? ":" : String($0) }
        return method.uppercased() + " /" + segments.joined(separator: "/")
    }

    /// The table by normalised key.
    static let byKey: [String: RouteAccess] = {
        var table: [String: RouteAccess] = [:]
        for (route, access) in routes {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            table[key(parts[0], parts[1])] = access
        }
        return table
    }()

    /// A declared router path with every parameter replaced by `id` (`/users/:user_id(int)` → `/users/999999`).
    static func concrete(_ path: String, id: String = "999999") -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).map { $0.hasPrefix(":") ? id : String($0) }
            .joined(separator: "/")
    }
}
