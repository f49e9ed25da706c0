import HTTPCore

/// Customers, brands and projects: egresos.md §2 #7-#21, §3.2, §5 items 2-5, §11 (pictures).
/// Files are written after the transaction commits (§1.1 step 8, ruling 2), so a refused or rolled-back
/// request leaves none.
struct CustomerRoutes: EgresosInputReading {
    typealias Rules = EgresosEndpointRules

    func register(in router: inout Router<EgresosContext>) {
        // Literal `/customers/brands` is registered first and the router matches literals before parameters.
        router.add(CustomerOperations.createWithBrands, handler: Self.createCustomerWithBrands)
        router.add(CustomerOperations.list, handler: Self.listCustomers)
        router.add(CustomerOperations.create, handler: Self.createCustomer)
        router.add(CustomerOperations.brands, handler: Self.customerBrands)
        router.add(CustomerOperations.createBrand, handler: Self.createBrand)
        router.add(CustomerOperations.update, handler: Self.updateCustomer)
        router.add(CustomerOperations.delete, handler: Self.deleteCustomer)
        router.add(CustomerOperations.listBrands, handler: Self.listBrands)
        router.add(CustomerOperations.updateBrand, handler: Self.updateBrand)
        router.add(CustomerOperations.deleteBrand, handler: Self.deleteBrand)
        router.add(CustomerOperations.brandProjects, handler: Self.brandProjects)
        router.add(CustomerOperations.createProject, handler: Self.createProject)
        router.add(CustomerOperations.listProjects, handler: Self.listProjects)
        router.add(CustomerOperations.updateProject, handler: Self.updateProject)
        router.add(CustomerOperations.deleteProject, handler: Self.deleteProject)
    }

    // MARK: Input helpers

    /// A nullable text field: absent → keep, null → clear, text → set.
    private static func nullableText(_ value: Input?) -> FieldChange<String> {
        switch value {
        case nil: .keep
        case .null?: .set(nil)
        default: .set(string(value))
        }
    }


    private static func ints(_ value: Input?) -> [Int]? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap { int($0) }
    }

    private static func boolean(_ value: Input?) -> Bool {
        switch value {
        case .bool(let flag)?: flag
        case .string(let text)?: text.lowercased() == "true" || text == "1"
        case .number(let text)?: text == "1"
        default: false
        }
    }

    /// The raw id of a path parameter (for `unique:` exclusions before the path is validated).
    private static func rawID(_ request: Request, _ name: String) -> Int { Int(request.parameter(name)) ?? 0 }

    // MARK: Customers

    /// #7 `GET /api/v1/customers`.
    static func listCustomers(_ request: Request, _ context: EgresosContext) throws -> Response {
        _ = try context.validate(request, Rules.listCustomers)
        return .json(try context.persistence.customers.customerListJSON(files: context.files))
    }

    /// #8 `GET /api/v1/customers/:customer_id/brands`.
    static func customerBrands(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.customerBrands)
        let id = EgresosInput.int(input.path, "customer_id") ?? 0
        return .json(try context.persistence.customers.brandListJSON(customerID: id, files: context.files))
    }

    /// #9 `POST /api/v1/customers/brands`: customer and brands in one transaction.
    static func createCustomerWithBrands(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input: EgresosInput
        do {
            input = try context.validate(request, Rules.createCustomerWithBrands)
        } catch let refusal as EgresosValidationError {
            throw Self.duplicateBrandsOnArray(refusal)
        }
        let body = input.body
        let name = string(body["name"]) ?? ""
        let names: [String] = {
            guard case .array(let items)? = body["brands"] else { return [] }
            return items.compactMap { string($0["name"]) }
        }()
        let repository = context.persistence.customers
        // Read back inside the transaction: a concurrent delete cannot take the rows between COMMIT and the answer.
        let (customer, brands) = try context.persistence.transaction {
            let code = string(body["code"]) ?? CatalogCodes.customer(name)
            let description = string(body["description"])
            let id = try repository.createCustomer(code: code, name: name, description: description, paymentConditions: 0)
            let brands = try names.map {
                try repository.createBrand(customerID: id, code: CatalogCodes.brand(customerCode: code, name: $0), name: $0,
                                           description: nil)
            }
            guard let customer = try repository.customer(id: id) else { throw EgresosError.internalError }
            return (customer, try brands.compactMap { try repository.brand(id: $0) })
        }
        let views = context.customerViews
        return .json(.object([("customer", views.customer(customer)), ("brands", .array(brands.map(views.brand)))]),
                     status: 201)
    }

    /// §3.2 #9: repeated brand names are one 400 `4002` on the field `brands` (the engine names the item).
    static func duplicateBrandsOnArray(_ refusal: EgresosValidationError) -> EgresosValidationError {
        var failures: [ValidationFailure] = []
        for failure in refusal.failures {
            if failure.code == 4002 && failure.field.hasPrefix("brands[") {
                if !failures.contains(where: { $0.field == "brands" && $0.code == 4002 }) {
                    failures.append(ValidationFailure(field: "brands", code: 4002, values: failure.values))
                }
            } else {
                failures.append(failure)
            }
        }
        return EgresosValidationError(failures: failures)
    }

    /// #10 `POST /api/v1/customers` (multipart, `picture` required).
    static func createCustomer(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.createCustomer)
        let body = input.body
        let name = string(body["name"]) ?? ""
        guard let picture = file(body["picture"]) else { throw EgresosError.internalError }  // required by the rules
        let repository = context.persistence.customers
        let (customer, pending) = try context.persistence.transaction {
            let id = try repository.createCustomer(code: string(body["code"]) ?? CatalogCodes.customer(name), name: name,
                                                   description: string(body["description"]),
                                                   paymentConditions: int(body["payment_conditions"]) ?? 0)
            let pending = PendingFile(picture, collection: "customers", id: id, field: "picture")
            try repository.updateCustomer(id: id, CustomerChanges(picturePath: pending.path))
            guard let customer = try repository.customer(id: id) else { throw EgresosError.internalError }
            return (customer, pending)
        }
        try context.files.store(pending)
        return .json(.object([("customer", context.customerViews.customer(customer))]), status: 201)
    }

    /// #11 `PUT /api/v1/customers/:customer_id` → 204; a new picture replaces the stored file.
    static func updateCustomer(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.updateCustomer,
                                         context: ValidationContext(excludingIDs: [.customers: rawID(request, "customer_id")]))
        let id = EgresosInput.int(input.path, "customer_id") ?? 0
        let body = input.body
        let picture = file(body["picture"])
        let repository = context.persistence.customers
        let pending = try context.persistence.transaction {
            let pending = try PendingFile.of(picture, collection: "customers", id: id, field: "picture") {
                try repository.customer(id: id)?.picturePath
            }
            try repository.updateCustomer(id: id, CustomerChanges(
                name: string(body["name"]), code: string(body["code"]), description: nullableText(body["description"]),
                paymentConditions: int(body["payment_conditions"]), picturePath: pending?.path))
            return pending
        }
        try context.files.store(pending)
        return .noContent
    }

    /// #12 `DELETE /api/v1/customers/:customer_id` (admin): the customer, its brands and their projects.
    static func deleteCustomer(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.deleteCustomer)
        let id = EgresosInput.int(input.path, "customer_id") ?? 0
        let repository = context.persistence.customers
        try context.persistence.transaction { try repository.deleteCustomer(id: id) }
        return .noContent
    }

    // MARK: Brands

    /// #13 `GET /api/v1/brands`.
    static func listBrands(_ request: Request, _ context: EgresosContext) throws -> Response {
        _ = try context.validate(request, Rules.listCustomers)
        return .json(try context.persistence.customers.brandListJSON(customerID: nil, files: context.files))
    }

    /// #14 `POST /api/v1/customers/:customer_id/brands` (EXT `picture`).
    static func createBrand(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.createBrand)
        let customerID = EgresosInput.int(input.path, "customer_id") ?? 0
        let body = input.body
        let name = string(body["name"]) ?? ""
        let picture = file(body["picture"])
        let repository = context.persistence.customers
        let (brand, pending) = try context.persistence.transaction {
            let customerCode = try repository.customerCode(id: customerID) ?? ""
            let id = try repository.createBrand(customerID: customerID,
                                                code: string(body["code"]) ?? CatalogCodes.brand(customerCode: customerCode, name: name),
                                                name: name, description: string(body["description"]))
            let pending = PendingFile.of(picture, collection: "brands", id: id, field: "picture")
            if let pending { try repository.updateBrand(id: id, BrandChanges(picturePath: pending.path)) }
            guard let brand = try repository.brand(id: id) else { throw EgresosError.internalError }
            return (brand, pending)
        }
        try context.files.store(pending)
        return .json(.object([("brand", context.customerViews.brand(brand))]), status: 201)
    }

    /// #15 `PUT /api/v1/brands/:brand_id` → 201 `{"brand": …}` as documented.
    static func updateBrand(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.updateBrand,
                                         context: ValidationContext(excludingIDs: [.brands: rawID(request, "brand_id")]))
        let id = EgresosInput.int(input.path, "brand_id") ?? 0
        let body = input.body
        let picture = file(body["picture"])
        let repository = context.persistence.customers
        let (brand, pending) = try context.persistence.transaction {
            let pending = try PendingFile.of(picture, collection: "brands", id: id, field: "picture") {
                try repository.brand(id: id)?.picturePath
            }
            try repository.updateBrand(id: id, BrandChanges(name: string(body["name"]), code: string(body["code"]),
                                                            description: nullableText(body["description"]),
                                                            picturePath: pending?.path))
            guard let brand = try repository.brand(id: id) else { throw EgresosValidationError.notFound("brand_id", .brands) }
            return (brand, pending)
        }
        try context.files.store(pending)
        return .json(.object([("brand", context.customerViews.brand(brand))]), status: 201)
    }

    /// #16 `DELETE /api/v1/brands/:brand_id` (admin): the brand and its projects.
    static func deleteBrand(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.deleteBrand)
        let id = EgresosInput.int(input.path, "brand_id") ?? 0
        let repository = context.persistence.customers
        try context.persistence.transaction { try repository.deleteBrand(id: id) }
        return .noContent
    }

    // MARK: Projects

    /// #17 `GET /api/v1/brands/:brand_id/projects` (+ EXT `?friendly=true`).
    static func brandProjects(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.brandProjects)
        let id = EgresosInput.int(input.path, "brand_id") ?? 0
        let friendly = boolean(input.query["friendly"])
        let projects = try context.persistence.customers.projects(brandID: id, people: friendly)
        return .json(.object([("projects", .array(projects.map { CustomerViews.project($0, friendly: friendly) }))]))
    }

    /// #18 `GET /api/v1/projects` (`friendly` optional, decision 20).
    static func listProjects(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.listProjects)
        let friendly = boolean(input.query["friendly"])
        let projects = try context.persistence.customers.projects(brandID: nil, people: friendly)
        return .json(.object([("projects", .array(projects.map { CustomerViews.project($0, friendly: friendly) }))]))
    }

    /// #19 `POST /api/v1/brands/:brand_id/projects` → 201 `{"project": <ProjectFriendly>}`.
    static func createProject(_ request: Request, _ context: EgresosContext) throws -> Response {
        let brandID = rawID(request, "brand_id")
        let input = try context.validate(request, Rules.createProject,
                                         context: ValidationContext(scopes: ["brand_id": String(brandID)]))
        let body = input.body
        let caller = try context.staffCaller()
        let repository = context.persistence.customers
        let project = NewProject(brandID: EgresosInput.int(input.path, "brand_id") ?? brandID, folio: string(body["folio"]),
                                 name: string(body["name"]) ?? "", description: string(body["description"]),
                                 grouperID: int(body["grouper_id"]), collaborators: ints(body["collaborators"]) ?? [],
                                 createdBy: caller.user.id)
        let created = try context.persistence.transaction {
            let id = try repository.createProject(project)
            guard let created = try repository.project(id: id) else { throw EgresosError.internalError }
            return created
        }
        return .json(.object([("project", CustomerViews.project(created, friendly: true))]), status: 201)
    }

    /// #20 `PUT /api/v1/projects/:project_id` → 201 `{"project": <ProjectFriendly>}`; `collaborators` replaces the set.
    static func updateProject(_ request: Request, _ context: EgresosContext) throws -> Response {
        let rawProject = rawID(request, "project_id")
        let repository = context.persistence.customers
        let brandID = try repository.projectBrandID(projectID: rawProject) ?? 0
        let input = try context.validate(request, Rules.updateProject, context: ValidationContext(
            excludingIDs: [.projects: rawProject], scopes: ["brand_id": String(brandID)]))
        let id = EgresosInput.int(input.path, "project_id") ?? rawProject
        let body = input.body
        var changes = ProjectChanges(folio: string(body["folio"]), name: string(body["name"]),
                                     description: nullableText(body["description"]), collaborators: ints(body["collaborators"]))
        switch body["grouper_id"] {
        case nil: break
        case .null?: changes.grouperID = .set(nil)
        case let value: changes.grouperID = .set(int(value))
        }
        let updated = try context.persistence.transaction {
            try repository.updateProject(id: id, changes)
            guard let updated = try repository.project(id: id) else { throw EgresosValidationError.notFound("project_id", .projects) }
            return updated
        }
        return .json(.object([("project", CustomerViews.project(updated, friendly: true))]), status: 201)
    }

    /// #21 `DELETE /api/v1/projects/:project_id` (admin).
    static func deleteProject(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.deleteProject)
        let id = EgresosInput.int(input.path, "project_id") ?? 0
        let repository = context.persistence.customers
        try context.persistence.transaction { try repository.deleteProject(id: id) }
        return .noContent
    }
}
