/// The rules of #7-#21 that `EndpointRules.swift` does not declare (path-only and query-only endpoints) and the
/// EXT inputs of §3.2 shared by #9/#10/#11/#14/#15.
extension EgresosEndpointRules {
    /// EXT (§3.2 #10): `code` of #9/#10/#11.
    static let extCode = ("code", "sometimes|typeOf:string|min:1|max:10|regex:alphanumeric")
    /// A brand's `code` (#14/#15): the column holds 20 characters (customer code + initials).
    static let extBrandCode = ("code", "sometimes|typeOf:string|min:1|max:20|regex:alphanumeric")
    /// EXT (§3.2 #10): `description` of #9/#10/#11/#14/#15.
    static let extDescription = ("description", "sometimes|typeOf:string|min:0|max:255|nullable")

    /// #7 `GET /api/v1/customers`, #13 `GET /api/v1/brands`: no input.
    public static let listCustomers = EndpointRules("#7 GET /api/v1/customers")

    /// #8 `GET /api/v1/customers/:customer_id/brands`.
    public static let customerBrands = EndpointRules("#8 GET /api/v1/customers/:customer_id/brands", path: [
        pathID("customer_id", "customer"),
    ])

    /// #12 `DELETE /api/v1/customers/:customer_id`.
    public static let deleteCustomer = EndpointRules("#12 DELETE /api/v1/customers/:customer_id", path: [
        pathID("customer_id", "customer"),
    ])

    /// #16 `DELETE /api/v1/brands/:brand_id`.
    public static let deleteBrand = EndpointRules("#16 DELETE /api/v1/brands/:brand_id", path: [
        pathID("brand_id", "brand"),
    ])

    /// #17 `GET /api/v1/brands/:brand_id/projects` (+ EXT `friendly`, as #18).
    public static let brandProjects = EndpointRules("#17 GET /api/v1/brands/:brand_id/projects", path: [
        pathID("brand_id", "brand"),
    ], query: [
        ("friendly", "sometimes|typeOf:boolean"),
    ])

    /// #21 `DELETE /api/v1/projects/:project_id`.
    public static let deleteProject = EndpointRules("#21 DELETE /api/v1/projects/:project_id", path: [
        pathID("project_id", "project"),
    ])

    /// The customers/brands/projects endpoints (#7-#21) with declared rules.
    public static let customersEndpoints: [EndpointRules] = [
        listCustomers, customerBrands, createCustomerWithBrands, createCustomer, updateCustomer, deleteCustomer,
        createBrand, updateBrand, deleteBrand, brandProjects, listProjects, createProject, updateProject, deleteProject,
    ]
}
