import App
import MariaDB
import Testing

/// The Egresos schema (`sql/egresos/`, egresos.md §4) and its development seed, against a real MariaDB.
@Suite("The Egresos schema")
struct EgresosSchemaTests {
    /// `sql/egresos` of the repository (through `VENTANILLA_TEST_SQL_DIR`).
    private static func directory() throws -> String {
        try MigrationTestDatabase.environment("VENTANILLA_TEST_SQL_DIR") + "/egresos"
    }

    /// Runs `body` on a scratch database with every Egresos migration applied (and the seed, when `seeded`).
    private static func withSchema(seeded: Bool = false, _ body: (MariaDBConnection) throws -> Void) throws {
        let directory = try directory()
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            _ = try Migrator(directory: directory, logger: MigrationTestDatabase.logger).migrate(on: connection)
            if seeded {
                _ = try Seeder(directory: directory, logger: MigrationTestDatabase.logger).run(on: connection)
            }
            try body(connection)
        }
    }

    /// The server error `body` fails with, or nil when it succeeds (or fails otherwise).
    private static func serverError(_ body: () throws -> Void) -> MariaDBError? {
        do {
            try body()
            return nil
        } catch let error as MariaDBError {
            return error
        } catch {
            return nil
        }
    }

    /// `SELECT COUNT(*)` of `table`, optionally filtered by a literal condition.
    private static func count(_ connection: MariaDBConnection, _ table: String, where condition: String = "1") throws -> Int {
        try connection.queryFirst("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(unsafeRaw: condition)")?.int("n") ?? -1
    }

    /// Inserts a staff user and returns its id.
    @discardableResult
    private static func insertUser(_ connection: MariaDBConnection, email: String, role: String = "employee") throws -> Int {
        try connection.execute("""
            INSERT INTO users (email, name, job_title, role) VALUES (\(email), \("Persona de prueba"), \("Puesto"), \(role))
            """).lastInsertID
    }

    /// A customer → brand → project chain and a draft quotation on it; returns (quotation id, creator id).
    private static func insertQuotation(_ connection: MariaDBConnection) throws -> (quotation: Int, user: Int) {
        let user = try insertUser(connection, email: "creador@element.com.mx", role: "account_manager")
        let customer = try connection.execute("INSERT INTO customers (code, name) VALUES ('C', 'Cliente')").lastInsertID
        let brand = try connection.execute("""
            INSERT INTO brands (customer_id, code, name) VALUES (\(customer), 'CM', 'Marca')
            """).lastInsertID
        let project = try connection.execute("""
            INSERT INTO projects (brand_id, folio, name) VALUES (\(brand), '601', 'Proyecto')
            """).lastInsertID
        let quotation = try connection.execute("""
            INSERT INTO quotations (project_id, created_by, payment_conditions, billing_date, project_start_date,
                                    project_end_date, cost_in_cents)
            VALUES (\(project), \(user), 60, '2020-01-15', '2020-01-01', '2020-01-31', 100000)
            """).lastInsertID
        return (quotation, user)
    }

    /// Inserts a supplier and returns its id.
    private static func insertSupplier(_ connection: MariaDBConnection, email: String, company: String) throws -> Int {
        try connection.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity)
            VALUES (\(company), 'Contacto', \(email), '5512345678', 'Imprenta')
            """).lastInsertID
    }

    @Test("the migrations apply on a fresh database and re-run as a no-op; the seed runs twice without duplicates")
    func migrateAndSeed() throws {
        let directory = try Self.directory()
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            let migrator = Migrator(directory: directory, logger: MigrationTestDatabase.logger)
            let first = try migrator.migrate(on: connection)
            #expect(first.appliedVersions == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 14, 15, 16, 17, 18])
            let second = try migrator.migrate(on: connection)
            #expect(second.applied.isEmpty)
            let seeder = Seeder(directory: directory, logger: MigrationTestDatabase.logger)
            _ = try seeder.run(on: connection)
            _ = try seeder.run(on: connection)

            let tables = try connection.query("""
                SELECT TABLE_NAME AS name FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME
                """).map { try $0.string("name") }.sorted()
            #expect(tables == [
                "billings", "brands", "business_activities", "comments", "concepts", "customers", "expenses",
                "mail_outbox", "notifications", "payment_schedules", "project_collaborators", "projects",
                "quotations", "refunds", "schema_migrations", "supplier_quotations", "suppliers", "supplies", "users",
                "ventanilla_lease",
            ])

            let users = try connection.query("SELECT id, email, role, user_id FROM users ORDER BY id")
            #expect(try users.map { try $0.int("id") } == [4001, 4002, 4003, 4004, 4005, 4006])
            #expect(try users.map { try $0.string("role") }
                == ["admin", "rh", "manager", "grouper", "account_manager", "employee"])
            #expect(try users.map { try $0.string("email") } == [
                "admin@element.com.mx", "rh@element.com.mx", "manager@element.com.mx", "grouper@element.com.mx",
                "cuentas@element.com.mx", "empleado@element.com.mx",
            ])
            #expect(try users.allSatisfy { try $0.optionalString("user_id") == nil })

            let supplier = try #require(try connection.queryFirst("""
                SELECT id, password_hash, password_token_hash FROM suppliers WHERE email = 'proveedor@example.com'
                """))
            #expect(try supplier.string("password_hash").hasPrefix("$2b$10$"))
            #expect(try supplier.optionalString("password_token_hash") == nil)
            #expect(try Self.count(connection, "suppliers") == 1)
            #expect(try Self.count(connection, "billings", where: "supplier_id = \(try supplier.int("id"))") == 1)
            #expect(try Self.count(connection, "customers") == 1)
            #expect(try Self.count(connection, "brands") == 1)
            #expect(try Self.count(connection, "project_collaborators") == 1)
            let project = try #require(try connection.queryFirst("""
                SELECT p.folio, u.email FROM projects p JOIN users u ON u.id = p.grouper_id
                """))
            #expect(try project.string("folio") == "601")
            #expect(try project.string("email") == "grouper@element.com.mx")
            #expect(try Self.count(connection, "projects") == 1)

            let activities = try connection.query("SELECT id, name FROM business_activities WHERE id <= 160 ORDER BY id")
            #expect(try activities.map { try $0.int("id") } == Array(153...160))
            #expect(try activities.first?.string("name") == "Bolsas de plástico")
            #expect(try activities.last?.string("name") == "Fertilizantes")
            #expect(try Self.count(connection, "business_activities") == 19)
        }
    }

    @Test("users: ids from 4001; e-mail unique among live users, case-insensitively, reusable after a soft delete")
    func usersEmail() throws {
        try Self.withSchema { connection in
            let first = try Self.insertUser(connection, email: "ana@element.com.mx")
            #expect(first == 4001)
            let duplicate = Self.serverError { try Self.insertUser(connection, email: "ANA@element.com.mx") }
            #expect(duplicate?.code == 1062)
            #expect(String(reflecting: duplicate).contains("uq_users_email_active"))
            try connection.execute("UPDATE users SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(first)")
            // (The failed insert used up 4002: InnoDB does not give back AUTO_INCREMENT values.)
            let second = try Self.insertUser(connection, email: "ana@element.com.mx")
            #expect(second > first)
            // Two deleted rows may share the address too.
            try connection.execute("UPDATE users SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(second)")
            #expect(try Self.insertUser(connection, email: "ana@element.com.mx") > second)
            #expect(try Self.count(connection, "users", where: "email = 'ana@element.com.mx'") == 3)
        }
    }

    @Test("users: the Auth0 sub is unique among live users when set; the role is one of the six")
    func usersSubAndRole() throws {
        try Self.withSchema { connection in
            let ana = try Self.insertUser(connection, email: "ana@element.com.mx")
            let beto = try Self.insertUser(connection, email: "beto@element.com.mx")
            try connection.execute("UPDATE users SET user_id = 'auth0|abc' WHERE id = \(ana)")
            let duplicate = Self.serverError {
                try connection.execute("UPDATE users SET user_id = 'auth0|abc' WHERE id = \(beto)")
            }
            #expect(duplicate?.code == 1062)
            // Case-sensitive: a different sub.
            try connection.execute("UPDATE users SET user_id = 'auth0|ABC' WHERE id = \(beto)")
            let badRole = Self.serverError { try Self.insertUser(connection, email: "c@element.com.mx", role: "boss") }
            #expect(badRole?.code == 4025)
        }
    }

    @Test("customers, brands, projects: names and folios unique among live rows; soft-deleted rows free them")
    func softDeleteUniqueness() throws {
        try Self.withSchema { connection in
            let customer = try connection.execute("INSERT INTO customers (code, name) VALUES ('GM', 'Grupo Modelo')")
                .lastInsertID
            #expect(Self.serverError {
                try connection.execute("INSERT INTO customers (code, name) VALUES ('GM', 'grupo modelo')")
            }?.code == 1062)
            let brand = try connection.execute("""
                INSERT INTO brands (customer_id, code, name) VALUES (\(customer), 'GMCC', 'Cerveza Corona')
                """).lastInsertID
            try connection.execute("INSERT INTO projects (brand_id, folio, name) VALUES (\(brand), '601', 'Campaña')")
            #expect(Self.serverError {
                try connection.execute("INSERT INTO projects (brand_id, folio, name) VALUES (\(brand), '602', 'CAMPAÑA')")
            }?.code == 1062)
            #expect(Self.serverError {
                try connection.execute("INSERT INTO projects (brand_id, folio, name) VALUES (\(brand), '601', 'Otra')")
            }?.code == 1062)
            #expect(Self.serverError {
                try connection.execute("INSERT INTO projects (brand_id, folio, name) VALUES (\(brand), 'A1', 'Otra')")
            }?.code == 4025)
            // The application's cascade (#12): one timestamp on the customer, its brands and their projects.
            try connection.executeText("""
                SET @now = UTC_TIMESTAMP(3);
                UPDATE customers SET deleted_at = @now WHERE id = \(customer);
                UPDATE brands SET deleted_at = @now WHERE customer_id = \(customer);
                UPDATE projects SET deleted_at = @now WHERE brand_id = \(brand);
                """)
            let again = try connection.execute("INSERT INTO customers (code, name) VALUES ('GM', 'Grupo Modelo')")
                .lastInsertID
            let newBrand = try connection.execute("""
                INSERT INTO brands (customer_id, code, name) VALUES (\(again), 'GMCC', 'Cerveza Corona')
                """).lastInsertID
            try connection.execute("INSERT INTO projects (brand_id, folio, name) VALUES (\(newBrand), '601', 'Campaña')")
            // Soft-deleted parents cannot be hard-deleted from under their rows.
            #expect(Self.serverError { try connection.execute("DELETE FROM customers WHERE id = \(customer)") }?.code == 1451)
        }
    }

    @Test("suppliers: e-mail unique, one billing per supplier, password token hash and expiry go together")
    func suppliers() throws {
        try Self.withSchema { connection in
            let supplier = try Self.insertSupplier(connection, email: "a@example.com", company: "Imprenta A")
            #expect(Self.serverError {
                _ = try Self.insertSupplier(connection, email: "A@example.com", company: "Imprenta B")
            }?.code == 1062)
            let billing = """
                INSERT INTO billings (supplier_id, name, contact_name, contact_phone, rfc, business_name,
                                      banking_institution, bank_account, concept)
                VALUES (\(supplier), 'Imprenta A', 'Contacto', '5512345678', 'RFC1', 'Imprenta A SA', 'Banco',
                        '0123456789', 'Impresos')
                """
            try connection.executeText(billing)
            #expect(Self.serverError { try connection.executeText(billing) }?.code == 1062)
            let token = String(repeating: "ab", count: 32)
            #expect(Self.serverError {
                try connection.execute("UPDATE suppliers SET password_token_hash = \(token) WHERE id = \(supplier)")
            }?.code == 4025)
            try connection.execute("""
                UPDATE suppliers SET password_token_hash = \(token),
                       password_token_expires_at = UTC_TIMESTAMP(3) + INTERVAL 72 HOUR WHERE id = \(supplier)
                """)
            #expect(try connection.queryFirst("""
                SELECT id FROM suppliers WHERE password_token_hash = \(token)
                """)?.int("id") == supplier)
            #expect(Self.serverError {
                try connection.execute("UPDATE suppliers SET payment_conditions = 366 WHERE id = \(supplier)")
            }?.code == 4025)
        }
    }

    @Test("deleting a supplier quotation deletes its payment schedule rows and comments, nothing else")
    func supplierQuotationCascade() throws {
        try Self.withSchema { connection in
            let (quotation, user) = try Self.insertQuotation(connection)
            let supplier = try Self.insertSupplier(connection, email: "a@example.com", company: "Imprenta A")
            var supplierQuotations: [Int] = []
            for _ in 0..<2 {
                let id = try connection.execute("""
                    INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments)
                    VALUES (\(quotation), \(supplier), 'Renta de camaras', 50000, '')
                    """).lastInsertID
                try connection.execute("""
                    INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date)
                    VALUES (\(id), 0, 25000, 'cash', '2020-02-01'), (\(id), 1, 25000, 'direct_bank_transfer', '2020-03-01')
                    """)
                try connection.execute("""
                    INSERT INTO comments (supplier_quotation_id, user_id, message) VALUES (\(id), \(user), 'ok')
                    """)
                supplierQuotations.append(id)
            }
            try connection.execute("""
                INSERT INTO comments (quotation_id, user_id, status, message) VALUES (\(quotation), \(user), 'good', '')
                """)
            try connection.execute("DELETE FROM supplier_quotations WHERE id = \(supplierQuotations[0])")
            #expect(try Self.count(connection, "payment_schedules") == 2)
            #expect(try Self.count(connection, "payment_schedules",
                                   where: "supplier_quotation_id = \(supplierQuotations[1])") == 2)
            #expect(try Self.count(connection, "comments") == 2)
            #expect(try Self.count(connection, "comments", where: "supplier_quotation_id = \(supplierQuotations[0])") == 0)
            // A supplier with supplier quotations cannot be removed.
            #expect(Self.serverError { try connection.execute("DELETE FROM suppliers WHERE id = \(supplier)") }?.code == 1451)
            // paid and paid_at go together.
            #expect(Self.serverError {
                try connection.execute("UPDATE payment_schedules SET paid = 1 WHERE supplier_quotation_id = \(supplierQuotations[1])")
            }?.code == 4025)
            try connection.execute("""
                UPDATE payment_schedules SET paid = 1, paid_at = '2020-02-01'
                WHERE supplier_quotation_id = \(supplierQuotations[1])
                """)
        }
    }

    @Test("comments and expenses need exactly one parent")
    func exactlyOneParent() throws {
        try Self.withSchema { connection in
            let (quotation, user) = try Self.insertQuotation(connection)
            let supplier = try Self.insertSupplier(connection, email: "a@example.com", company: "Imprenta A")
            let supply = try connection.execute("INSERT INTO supplies (created_by) VALUES (\(user))").lastInsertID
            let refund = try connection.execute("INSERT INTO refunds (created_by) VALUES (\(user))").lastInsertID
            #expect(Self.serverError {
                try connection.execute("INSERT INTO comments (user_id, message) VALUES (\(user), 'huérfano')")
            }?.code == 4025)
            #expect(Self.serverError {
                try connection.execute("""
                    INSERT INTO comments (quotation_id, supply_id, user_id, message) VALUES (\(quotation), \(supply), \(user), 'x')
                    """)
            }?.code == 4025)
            try connection.execute("INSERT INTO comments (refund_id, user_id) VALUES (\(refund), \(user))")
            #expect(try connection.queryFirst("SELECT status, message FROM comments")?.string("status") == "info")

            let expense = { (supplyID: Int?, refundID: Int?) throws in
                try connection.execute("""
                    INSERT INTO expenses (supply_id, refund_id, supplier_id, concept, comments, cost_in_cents)
                    VALUES (\(supplyID), \(refundID), \(supplier), 'Comida', '', 1000)
                    """)
            }
            #expect(Self.serverError { _ = try expense(nil, nil) }?.code == 4025)
            #expect(Self.serverError { _ = try expense(supply, refund) }?.code == 4025)
            _ = try expense(supply, nil)
            _ = try expense(nil, refund)
            #expect(try connection.queryFirst("SELECT payment_method FROM expenses LIMIT 1")?.string("payment_method") == "cash")
            #expect(Self.serverError {
                try connection.execute("""
                    INSERT INTO expenses (supply_id, supplier_id, concept, cost_in_cents) VALUES (\(supply), \(supplier), 'x', -1)
                    """)
            }?.code == 4025)
        }
    }

    @Test("deleting a supply or refund deletes its expenses and comments; notifications keep their row, reference null")
    func supplyCascadeAndNotifications() throws {
        try Self.withSchema { connection in
            let (quotation, user) = try Self.insertQuotation(connection)
            let reviewer = try Self.insertUser(connection, email: "director@element.com.mx", role: "admin")
            let supplier = try Self.insertSupplier(connection, email: "a@example.com", company: "Imprenta A")
            let supply = try connection.execute("""
                INSERT INTO supplies (created_by, quotation_id) VALUES (\(user), \(quotation))
                """).lastInsertID
            let refund = try connection.execute("INSERT INTO refunds (created_by) VALUES (\(user))").lastInsertID
            for (supplyID, refundID) in [(Optional(supply), Int?.none), (nil, Optional(refund))] {
                try connection.execute("""
                    INSERT INTO expenses (supply_id, refund_id, supplier_id, concept, cost_in_cents)
                    VALUES (\(supplyID), \(refundID), \(supplier), 'Comida', 1000)
                    """)
                try connection.execute("""
                    INSERT INTO comments (supply_id, refund_id, user_id, message) VALUES (\(supplyID), \(refundID), \(user), 'x')
                    """)
            }
            try connection.execute("""
                INSERT INTO notifications (`to`, `from`, type_of, status, supply_id, message)
                VALUES (\(reviewer), \(user), 'supply', 'submited', \(supply), 'Revisa')
                """)
            try connection.execute("""
                INSERT INTO notifications (`to`, `from`, type_of, status, quotation_id, message)
                VALUES (\(reviewer), \(user), 'quotation', 'submited', \(quotation), 'Revisa')
                """)
            // A rejection's message carries the reviewer's reason, which has no maximum length.
            let reason = "Ha rechazado la solicitud. Motivo: " + String(repeating: "demasiado caro ", count: 60)
            try connection.execute("""
                INSERT INTO notifications (`to`, `from`, type_of, status, message)
                VALUES (\(user), \(reviewer), 'quotation', 'rejected', \(reason))
                """)
            #expect(Self.serverError {
                try connection.execute("""
                    INSERT INTO notifications (`to`, type_of, status, message) VALUES (\(reviewer), 'supply', 'submitted', 'x')
                    """)
            }?.code == 4025)

            try connection.execute("DELETE FROM supplies WHERE id = \(supply)")
            #expect(try Self.count(connection, "expenses") == 1)
            #expect(try Self.count(connection, "expenses", where: "refund_id = \(refund)") == 1)
            #expect(try Self.count(connection, "comments") == 1)
            #expect(try Self.count(connection, "notifications") == 3)
            #expect(try Self.count(connection, "notifications", where: "type_of = 'supply' AND supply_id IS NULL") == 1)

            try connection.execute("DELETE FROM refunds WHERE id = \(refund)")
            #expect(try Self.count(connection, "expenses") == 0)
            #expect(try Self.count(connection, "comments") == 0)

            // A quotation's deletion cascades to its tree and nulls its notifications' reference.
            try connection.execute("DELETE FROM quotations WHERE id = \(quotation)")
            #expect(try Self.count(connection, "notifications", where: "quotation_id IS NULL") == 3)
            // Staff users are only soft-deleted: a hard delete of a referenced one is refused.
            #expect(Self.serverError { try connection.execute("DELETE FROM users WHERE id = \(reviewer)") }?.code == 1451)
        }
    }

    @Test("concepts are unique case-insensitively (accents count); updated_at is kept by the trigger, in UTC")
    func conceptsAndAudit() throws {
        try Self.withSchema(seeded: true) { connection in
            try connection.execute("INSERT INTO concepts (name) VALUES ('Renta de camaras')")
            #expect(Self.serverError {
                try connection.execute("INSERT INTO concepts (name) VALUES ('RENTA DE CAMARAS')")
            }?.code == 1062)
            try connection.execute("INSERT INTO concepts (name) VALUES ('Renta de cámaras')")
            #expect(try connection.execute("INSERT IGNORE INTO concepts (name) VALUES ('renta de Camaras')").affectedRows == 0)
            #expect(try connection.query("SELECT name FROM concepts ORDER BY id").map { try $0.string("name") }
                == ["Renta de camaras", "Renta de cámaras"])

            try connection.executeText("SET time_zone = '+05:00'")
            try connection.execute("""
                UPDATE users SET job_title = 'Directora', updated_at = '2000-01-01 00:00:00' WHERE email = 'admin@element.com.mx'
                """)
            let row = try #require(try connection.queryFirst("""
                SELECT TIMESTAMPDIFF(SECOND, updated_at, UTC_TIMESTAMP(3)) AS age,
                       TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP(3)) AS created_age
                FROM users WHERE email = 'admin@element.com.mx'
                """))
            #expect(try abs(row.int("age")) < 60)
            #expect(try abs(row.int("created_age")) < 60)
        }
    }
}
