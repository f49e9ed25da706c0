import MariaDB

/// Customers, brands, projects and collaborators over the worker's connection (tables of
/// `0002_customers_brands_projects.sql`).
struct MariaDBCustomersRepository: CustomersRepository {
    let connection: MariaDBConnection

    /// Runs a write; a unique key refusal (a request that raced another past validation) becomes the 409
    /// `4093` field error the validator would have given. `folioValue` names the folio when the statement sets one.
    private func guarded<T>(_ field: String, _ value: String?, folioValue: String? = nil,
                            _ body: () throws(MariaDBError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            guard error.kind == .duplicateKey else { throw error }
            let onFolio = folioValue != nil && error.message.contains("folio")
            let (name, text) = onFolio ? ("folio", folioValue ?? "") : (field, value ?? "")
            throw EgresosValidationError(failures: [ValidationFailure(field: name, code: 4093,
                                                                      values: ["thing": name, "value": text])])
        }
    }

    // MARK: Customers

    /// A customer with the number of its live projects under live brands, which the customer row keeps (0018's
    /// triggers: counting them through `ix_projects_customer_live` and each brand's primary key on every read,
    /// 0017's shape, cost MariaDB three times this scan on the bench's data, issue 16); append the WHERE clause.
    static let customerSelect = """
        SELECT c.id, c.code, c.name, c.description, c.payment_conditions, c.picture_path, c.projects_count
          FROM customers c
        """

    private static func customer(_ row: SQLRow) throws -> CustomerRecord {
        CustomerRecord(id: try row.int("id"), code: try row.string("code"), name: try row.string("name"),
                       description: try row.optionalString("description"),
                       paymentConditions: try row.int("payment_conditions"),
                       picturePath: try row.optionalString("picture_path"), projectsCount: try row.int("projects_count"))
    }

    /// The records of #7's answer; the route writes it from the rows instead (`customerListJSON`), and tests hold
    /// the two together.
    func customers() throws -> [CustomerRecord] {
        try connection.query(SQLQuery(unsafeSQL: Self.customerListSQL)).map(Self.customer)
    }

    func customer(id: Int) throws -> CustomerRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.customerSelect + " WHERE c.id = ? AND c.deleted_at IS NULL",
                                           binds: [.int(Int64(id))])).map(Self.customer)
    }

    func customerCode(id: Int) throws -> String? {
        try connection.queryFirst("SELECT code FROM customers WHERE id = \(id) AND deleted_at IS NULL")?.string("code")
    }

    func createCustomer(code: String, name: String, description: String?, paymentConditions: Int) throws -> Int {
        try guarded("name", name) { () throws(MariaDBError) in try connection.execute("""
            INSERT INTO customers (code, name, description, payment_conditions)
            VALUES (\(code), \(name), \(description), \(paymentConditions))
            """).lastInsertID }
    }

    func updateCustomer(id: Int, _ changes: CustomerChanges) throws {
        guard let query = SQLQuery.update("customers", set: [
            ("name", changes.name?.sqlValue), ("code", changes.code?.sqlValue), ("description", changes.description.sqlValue),
            ("payment_conditions", changes.paymentConditions?.sqlValue), ("picture_path", changes.picturePath?.sqlValue),
        ], where: "id = \(id) AND deleted_at IS NULL") else { return }
        _ = try guarded("name", changes.name) { () throws(MariaDBError) in try connection.execute(query) }
    }

    /// One timestamp for a whole cascade.
    private func now() throws -> SQLDateTime? {
        try connection.queryFirst("SELECT UTC_TIMESTAMP(3) AS now")?.optionalDateTime("now")
    }

    func deleteCustomer(id: Int) throws {
        let at = try now()
        _ = try connection.execute("""
            UPDATE projects p JOIN brands b ON b.id = p.brand_id SET p.deleted_at = \(at)
             WHERE b.customer_id = \(id) AND b.deleted_at IS NULL AND p.deleted_at IS NULL
            """)
        _ = try connection.execute("UPDATE brands SET deleted_at = \(at) WHERE customer_id = \(id) AND deleted_at IS NULL")
        _ = try connection.execute("UPDATE customers SET deleted_at = \(at) WHERE id = \(id) AND deleted_at IS NULL")
    }

    // MARK: Brands

    static let brandSelect = """
        SELECT b.id, b.customer_id, b.code, b.name, b.description, b.picture_path, c.picture_path AS customer_picture_path
          FROM brands b JOIN customers c ON c.id = b.customer_id
        """

    private static func brand(_ row: SQLRow) throws -> BrandRecord {
        BrandRecord(id: try row.int("id"), customerID: try row.int("customer_id"), code: try row.string("code"),
                    name: try row.string("name"), description: try row.optionalString("description"),
                    picturePath: try row.optionalString("picture_path"),
                    customerPicturePath: try row.optionalString("customer_picture_path"))
    }

    /// The live brands of one customer or of all, in id order (`brands(customerID:)`, `brandListJSON`).
    static func brandsQuery(customerID: Int?) -> SQLQuery {
        if let customerID {
            return SQLQuery(unsafeSQL: brandSelect + " WHERE b.customer_id = ? AND b.deleted_at IS NULL ORDER BY b.id",
                            binds: [.int(Int64(customerID))])
        }
        return SQLQuery(unsafeSQL: brandSelect + " WHERE b.deleted_at IS NULL ORDER BY b.id")
    }

    /// The records of #8's and #13's answers; the routes write them from the rows instead (`brandListJSON`).
    func brands(customerID: Int?) throws -> [BrandRecord] {
        try connection.query(Self.brandsQuery(customerID: customerID)).map(Self.brand)
    }

    func brand(id: Int) throws -> BrandRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.brandSelect + " WHERE b.id = ? AND b.deleted_at IS NULL",
                                           binds: [.int(Int64(id))])).map(Self.brand)
    }

    func createBrand(customerID: Int, code: String, name: String, description: String?) throws -> Int {
        try guarded("name", name) { () throws(MariaDBError) in try connection.execute("""
            INSERT INTO brands (customer_id, code, name, description) VALUES (\(customerID), \(code), \(name), \(description))
            """).lastInsertID }
    }

    func updateBrand(id: Int, _ changes: BrandChanges) throws {
        guard let query = SQLQuery.update("brands", set: [
            ("name", changes.name?.sqlValue), ("code", changes.code?.sqlValue), ("description", changes.description.sqlValue),
            ("picture_path", changes.picturePath?.sqlValue),
        ], where: "id = \(id) AND deleted_at IS NULL") else { return }
        _ = try guarded("name", changes.name) { () throws(MariaDBError) in try connection.execute(query) }
    }

    func deleteBrand(id: Int) throws {
        let at = try now()
        _ = try connection.execute("UPDATE projects SET deleted_at = \(at) WHERE brand_id = \(id) AND deleted_at IS NULL")
        _ = try connection.execute("UPDATE brands SET deleted_at = \(at) WHERE id = \(id) AND deleted_at IS NULL")
    }

    // MARK: Projects

    private static let projectSelect = """
        SELECT p.id, p.brand_id, b.customer_id, p.folio, p.name, p.description, p.status, p.grouper_id,
               b.name AS brand_name, c.name AS customer_name
          FROM projects p JOIN brands b ON b.id = p.brand_id JOIN customers c ON c.id = b.customer_id
        """

    private func loadProjects(_ query: SQLQuery, people: Bool) throws -> [ProjectRecord] {
        let rows = try connection.query(query)
        var projects: [ProjectRecord] = []
        var grouperIDs: [Int: Int] = [:]
        for row in rows {
            let project = ProjectRecord(id: try row.int("id"), brandID: try row.int("brand_id"),
                                        customerID: try row.int("customer_id"), folio: try row.string("folio"),
                                        name: try row.string("name"), description: try row.optionalString("description"),
                                        status: try row.int("status"), brandName: try row.string("brand_name"),
                                        customerName: try row.string("customer_name"), grouper: nil, collaborators: [])
            if let grouper = try row.optionalInt("grouper_id") { grouperIDs[project.id] = grouper }
            projects.append(project)
        }
        guard people, !projects.isEmpty else { return projects }
        // Users (deleted ones still render, §1) and collaborator links of the listed projects, in two queries.
        let ids = projects.map(\.id)
        let links = try connection.query("""
            SELECT project_id, user_id FROM project_collaborators WHERE project_id IN (\(list: ids)) ORDER BY project_id, user_id
            """)
        var collaboratorIDs: [Int: [Int]] = [:]
        for link in links { collaboratorIDs[try link.int("project_id"), default: []].append(try link.int("user_id")) }
        let users = try UserSummaries.load(Set(grouperIDs.values).union(collaboratorIDs.values.flatMap { $0 }),
                                           on: connection)
        for index in projects.indices {
            let id = projects[index].id
            projects[index].grouper = grouperIDs[id].flatMap { users[$0] }
            projects[index].collaborators = (collaboratorIDs[id] ?? []).compactMap { users[$0] }
        }
        return projects
    }

    func projects(brandID: Int?, people: Bool) throws -> [ProjectRecord] {
        if let brandID {
            return try loadProjects(SQLQuery(unsafeSQL: Self.projectSelect
                                                + " WHERE p.brand_id = ? AND p.deleted_at IS NULL ORDER BY p.id",
                                             binds: [.int(Int64(brandID))]), people: people)
        }
        return try loadProjects(SQLQuery(unsafeSQL: Self.projectSelect + " WHERE p.deleted_at IS NULL ORDER BY p.id"),
                                people: people)
    }

    func project(id: Int) throws -> ProjectRecord? {
        try loadProjects(SQLQuery(unsafeSQL: Self.projectSelect + " WHERE p.id = ? AND p.deleted_at IS NULL",
                                  binds: [.int(Int64(id))]), people: true).first
    }

    func projectBrandID(projectID: Int) throws -> Int? {
        try connection.queryFirst("SELECT brand_id FROM projects WHERE id = \(projectID) AND deleted_at IS NULL")?.int("brand_id")
    }

    func createProject(_ project: NewProject) throws -> Int {
        let folio: String
        if let given = project.folio {
            folio = given
        } else {
            // §3.2: max(numeric folio of all projects, deleted ones included, 600) + 1; the lock serialises creators.
            let row = try connection.queryFirst("""
                SELECT CAST(GREATEST(600, COALESCE(MAX(CAST(folio AS UNSIGNED)), 0)) + 1 AS CHAR) AS folio
                  FROM projects FOR UPDATE
                """)
            folio = try row?.string("folio") ?? "601"
        }
        let id = try guarded("name", project.name, folioValue: folio) { () throws(MariaDBError) in try connection.execute("""
            INSERT INTO projects (brand_id, folio, name, description, grouper_id, created_by)
            VALUES (\(project.brandID), \(folio), \(project.name), \(project.description), \(project.grouperID), \(project.createdBy))
            """).lastInsertID }
        try replaceCollaborators(projectID: id, project.collaborators)
        return id
    }

    private func replaceCollaborators(projectID: Int, _ users: [Int]) throws {
        _ = try connection.execute("DELETE FROM project_collaborators WHERE project_id = \(projectID)")
        for user in users {
            _ = try connection.execute("INSERT INTO project_collaborators (project_id, user_id) VALUES (\(projectID), \(user))")
        }
    }

    func updateProject(id: Int, _ changes: ProjectChanges) throws {
        if let query = SQLQuery.update("projects", set: [
            ("folio", changes.folio?.sqlValue), ("name", changes.name?.sqlValue),
            ("description", changes.description.sqlValue), ("grouper_id", changes.grouperID.sqlValue),
        ], where: "id = \(id) AND deleted_at IS NULL") {
            _ = try guarded("name", changes.name, folioValue: changes.folio ?? "") { () throws(MariaDBError) in
                try connection.execute(query)
            }
        }
        if let collaborators = changes.collaborators { try replaceCollaborators(projectID: id, collaborators) }
    }

    func deleteProject(id: Int) throws {
        _ = try connection.execute("UPDATE projects SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(id) AND deleted_at IS NULL")
    }
}

extension EgresosPersistence {
    /// Customers, brands and projects.
    var customers: any CustomersRepository { MariaDBCustomersRepository(connection: connection) }
}


extension FieldChange where Value: SQLBindable {
    /// The column's new value for `SQLQuery.update`: nil keeps it, `.null` clears it.
    var sqlValue: SQLValue? {
        guard case .set(let value) = self else { return nil }
        return value?.sqlValue ?? .null
    }
}
