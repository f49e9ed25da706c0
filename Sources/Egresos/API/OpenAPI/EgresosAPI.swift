/// Every Egresos operation, feature by feature, in `EgresosRoutes`' order: the OpenAPI document describes
/// exactly these, and `OpenAPITests` checks they are the routes the router declares.
enum EgresosAPI {
    static let operations: [EgresosOperation] = SystemRoutes.operations + UserOperations.all + CatalogOperations.all
        + CustomerOperations.all + SupplierOperations.staff + SupplierOperations.portal + QuotationOperations.all
        + SpendingOperations.both + ApprovalOperations.all + ReportOperations.all
}
