import HTTPCore

/// The output objects of egresos.md §5 items 2-5, keys in the doc's order.
struct CustomerViews {
    let files: FileStore

    private static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// §5.2 UserSummary.
    static func user(_ user: UserSummaryRecord?) -> JSONValue {
        guard let user else { return .null }
        return .object([
            ("id", .integer(user.id)), ("email", .string(user.email)), ("given_name", text(user.givenName)),
            ("name", .string(user.name)), ("picture", text(user.picture)), ("custom_picture", text(user.customPicture)),
            ("job_title", .string(user.jobTitle)), ("role", .string(user.role)),
        ])
    }

    /// §5.3 Customer.
    func customer(_ customer: CustomerRecord) -> JSONValue {
        let picture = Self.text(files.url(customer.picturePath))
        return .object([
            ("id", .integer(customer.id)), ("code", .string(customer.code)), ("name", .string(customer.name)),
            ("description", Self.text(customer.description)), ("brands", .string("/api/v1/customers/\(customer.id)/brands")),
            ("payment_conditions", .integer(customer.paymentConditions)), ("picture", picture),
            ("projects_count", .integer(customer.projectsCount)), ("picture_url", picture),
        ])
    }

    /// §5.4 Brand: its own picture, else the customer's.
    func brand(_ brand: BrandRecord) -> JSONValue {
        .object([
            ("id", .integer(brand.id)), ("code", .string(brand.code)), ("name", .string(brand.name)),
            ("description", Self.text(brand.description)), ("projects", .string("/api/v1/brands/\(brand.id)/projects")),
            ("picture", Self.text(files.url(brand.picturePath ?? brand.customerPicturePath))),
            ("customer_id", .integer(brand.customerID)),
        ])
    }

    /// §5.5 ProjectBasic.
    static func basic(_ project: ProjectRecord) -> [(String, JSONValue)] {
        [("id", .integer(project.id)), ("folio", .string(project.folio)), ("name", .string(project.name)),
         ("description", text(project.description))]
    }

    /// §5.5 ProjectBasic or ProjectFriendly.
    static func project(_ project: ProjectRecord, friendly: Bool) -> JSONValue {
        guard friendly else { return .object(basic(project)) }
        return .object(basic(project) + [
            ("grouper", user(project.grouper)), ("collaborators", .array(project.collaborators.map { user($0) })),
            ("customer", .string(project.customerName)), ("brand", .string(project.brandName)),
            ("status", .integer(project.status)), ("brand_id", .integer(project.brandID)),
            ("customer_id", .integer(project.customerID)),
        ])
    }
}

extension EgresosContext {
    /// The file store of §11 (`FILES_ROOT`, `FILES_BASE_URL`).
    var files: FileStore { FileStore(storage: auth.settings.storage, baseURL: auth.settings.filesBaseURL) }

    /// The renderers of §5 with this module's file URLs.
    var customerViews: CustomerViews { CustomerViews(files: files) }
}
