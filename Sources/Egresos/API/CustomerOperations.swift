import HTTPCore

/// Customers, brands and projects as data (egresos.md §2 #7-#21, §3.2, §5 items 3-5): `CustomerRoutes`
/// registers them, the OpenAPI document describes them.
enum CustomerOperations {
    typealias Rules = EgresosEndpointRules

    static let createWithBrands = EgresosOperation(
        method: .post, path: "/api/v1/customers/brands", tag: "Customers",
        summary: "#9 A customer and its brands in one transaction", access: .anyStaff,
        rules: [Rules.createCustomerWithBrands], status: 201, keys: ["customer", "brands"], returns: "Customer and [Brand]")
    static let list = EgresosOperation(
        method: .get, path: "/api/v1/customers", tag: "Customers", summary: "#7 Every active customer",
        access: .anyStaff, rules: [Rules.listCustomers], keys: ["customers"], returns: "[Customer] (§5 item 3)")
    static let create = EgresosOperation(
        method: .post, path: "/api/v1/customers", tag: "Customers", summary: "#10 Creates a customer with its picture",
        access: .anyStaff, rules: [Rules.createCustomer], status: 201, keys: ["customer"], returns: "Customer")
    static let brands = EgresosOperation(
        method: .get, path: "/api/v1/customers/{customer_id}/brands", tag: "Customers", summary: "#8 One customer's brands",
        access: .anyStaff, rules: [Rules.customerBrands], keys: ["brands"], returns: "[Brand] (§5 item 4)")
    static let createBrand = EgresosOperation(
        method: .post, path: "/api/v1/customers/{customer_id}/brands", tag: "Brands", summary: "#14 Creates a brand of the customer",
        access: .anyStaff, rules: [Rules.createBrand], status: 201, keys: ["brand"], returns: "Brand")
    static let update = EgresosOperation(
        method: .put, path: "/api/v1/customers/{customer_id}", tag: "Customers",
        summary: "#11 Partial edit; a new picture replaces the stored one", access: .anyStaff,
        rules: [Rules.updateCustomer], status: 204)
    static let delete = EgresosOperation(
        method: .delete, path: "/api/v1/customers/{customer_id}", tag: "Customers",
        summary: "#12 Soft-deletes the customer, its brands and their projects", access: .roles(.admin),
        rules: [Rules.deleteCustomer], status: 204)
    static let listBrands = EgresosOperation(
        method: .get, path: "/api/v1/brands", tag: "Brands", summary: "#13 Every active brand", access: .anyStaff,
        rules: [Rules.listCustomers], keys: ["brands"], returns: "[Brand]")
    static let updateBrand = EgresosOperation(
        method: .put, path: "/api/v1/brands/{brand_id}", tag: "Brands", summary: "#15 Partial edit (201, as documented)",
        access: .anyStaff, rules: [Rules.updateBrand], status: 201, keys: ["brand"], returns: "Brand")
    static let deleteBrand = EgresosOperation(
        method: .delete, path: "/api/v1/brands/{brand_id}", tag: "Brands", summary: "#16 Soft-deletes the brand and its projects",
        access: .roles(.admin), rules: [Rules.deleteBrand], status: 204)
    static let brandProjects = EgresosOperation(
        method: .get, path: "/api/v1/brands/{brand_id}/projects", tag: "Projects", summary: "#17 One brand's projects",
        access: .anyStaff, rules: [Rules.brandProjects], keys: ["projects"],
        returns: "[ProjectBasic], or [ProjectFriendly] with friendly=true (§5 item 5)")
    static let createProject = EgresosOperation(
        method: .post, path: "/api/v1/brands/{brand_id}/projects", tag: "Projects", summary: "#19 Creates a project of the brand",
        access: .anyStaff, rules: [Rules.createProject], status: 201, keys: ["project"], returns: "ProjectFriendly")
    static let listProjects = EgresosOperation(
        method: .get, path: "/api/v1/projects", tag: "Projects", summary: "#18 Every active project", access: .anyStaff,
        rules: [Rules.listProjects], keys: ["projects"], returns: "[ProjectBasic], or [ProjectFriendly] with friendly=true")
    static let updateProject = EgresosOperation(
        method: .put, path: "/api/v1/projects/{project_id}", tag: "Projects",
        summary: "#20 Partial edit; collaborators replaces the set (201, as documented)", access: .anyStaff,
        rules: [Rules.updateProject], status: 201, keys: ["project"], returns: "ProjectFriendly")
    static let deleteProject = EgresosOperation(
        method: .delete, path: "/api/v1/projects/{project_id}", tag: "Projects", summary: "#21 Soft delete",
        access: .roles(.admin), rules: [Rules.deleteProject], status: 204)

    static let all = [createWithBrands, list, create, brands, createBrand, update, delete, listBrands, updateBrand, deleteBrand,
                      brandProjects, createProject, listProjects, updateProject, deleteProject]
}
