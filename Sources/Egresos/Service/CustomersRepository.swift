import HTTPCore

/// A customer row with its derived count (egresos.md §5.3).
struct CustomerRecord: Sendable, Equatable {
    var id: Int
    var code: String
    var name: String
    var description: String?
    var paymentConditions: Int
    var picturePath: String?
    /// Active projects under active brands.
    var projectsCount: Int
}

/// A brand row with its customer's picture, the fallback of §5.4.
struct BrandRecord: Sendable, Equatable {
    var id: Int
    var customerID: Int
    var code: String
    var name: String
    var description: String?
    var picturePath: String?
    var customerPicturePath: String?
}

/// An embedded user (§5.2).
struct UserSummaryRecord: Sendable, Equatable {
    var id: Int
    var email: String
    var givenName: String?
    var name: String
    var picture: String?
    var customPicture: String?
    var jobTitle: String
    var role: String
}

/// A project with what its friendly form needs (§5.5).
struct ProjectRecord: Sendable, Equatable {
    var id: Int
    var brandID: Int
    var customerID: Int
    var folio: String
    var name: String
    var description: String?
    var status: Int
    var brandName: String
    var customerName: String
    var grouper: UserSummaryRecord?
    var collaborators: [UserSummaryRecord]
}

/// A change to a nullable column: absent (keep) or a new value (possibly null).
enum FieldChange<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case set(Value?)
}

/// What #11 may change on a customer.
struct CustomerChanges: Sendable {
    var name: String?
    var code: String?
    var description: FieldChange<String> = .keep
    var paymentConditions: Int?
    var picturePath: String?
}

/// What #15 may change on a brand.
struct BrandChanges: Sendable {
    var name: String?
    var code: String?
    var description: FieldChange<String> = .keep
    var picturePath: String?
}

/// A new project (#19).
struct NewProject: Sendable {
    var brandID: Int
    /// The folio given (EXT), or nil to generate one (§3.2).
    var folio: String?
    var name: String
    var description: String?
    var grouperID: Int?
    var collaborators: [Int]
    var createdBy: Int?
}

/// What #20 may change on a project.
struct ProjectChanges: Sendable {
    var folio: String?
    var name: String?
    var description: FieldChange<String> = .keep
    var grouperID: FieldChange<Int> = .keep
    /// The new whole set, or nil to keep it.
    var collaborators: [Int]?
}

/// Customers, brands and projects (egresos.md §3.2), among active rows unless said otherwise. Writes run inside
/// the caller's transaction (`EgresosPersistence.transaction`).
protocol CustomersRepository {
    func customers() throws -> [CustomerRecord]
    /// #7's whole body, `{"customers":[...]}`, the customers of `customers()` as `CustomerViews.customer` writes them.
    func customerListJSON(files: FileStore) throws -> EncodedJSON
    func customer(id: Int) throws -> CustomerRecord?
    /// An active customer's code alone (a new brand's code starts with it), without counting its projects.
    func customerCode(id: Int) throws -> String?
    func createCustomer(code: String, name: String, description: String?, paymentConditions: Int) throws -> Int
    func updateCustomer(id: Int, _ changes: CustomerChanges) throws
    /// Soft-deletes the customer, its active brands and their active projects with one timestamp.
    func deleteCustomer(id: Int) throws

    /// Active brands, of one customer or of all.
    func brands(customerID: Int?) throws -> [BrandRecord]
    /// `{"brands":[...]}`, the brands of `brands(customerID:)` as `CustomerViews.brand` writes them (#8, #13).
    func brandListJSON(customerID: Int?, files: FileStore) throws -> EncodedJSON
    func brand(id: Int) throws -> BrandRecord?
    func createBrand(customerID: Int, code: String, name: String, description: String?) throws -> Int
    func updateBrand(id: Int, _ changes: BrandChanges) throws
    /// Soft-deletes the brand and its active projects with one timestamp.
    func deleteBrand(id: Int) throws

    /// Active projects, of one brand or of all; `people` loads grouper and collaborators.
    func projects(brandID: Int?, people: Bool) throws -> [ProjectRecord]
    func project(id: Int) throws -> ProjectRecord?
    /// The brand of an active project.
    func projectBrandID(projectID: Int) throws -> Int?
    func createProject(_ project: NewProject) throws -> Int
    func updateProject(id: Int, _ changes: ProjectChanges) throws
    func deleteProject(id: Int) throws
}

/// Codes (§6.5): the upper-cased first letters of the first three words of a name (`"Grupo Modelo"` → `"GM"`).
enum CatalogCodes {
    static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).prefix(3)
        return words.compactMap { $0.first.map { String($0).uppercased() } }.joined()
    }

    /// A customer's code when none is given.
    static func customer(_ name: String) -> String { String(initials(name).prefix(10)) }

    /// A brand's code: the customer's code + the brand name's initials.
    static func brand(customerCode: String, name: String) -> String { String((customerCode + initials(name)).prefix(20)) }
}
