/// Every documented operation of Transporte, feature by feature, as the OpenAPI document and `/docs` show
/// them; `OpenAPITests` checks they are exactly the routes `TransporteRoutes` registers.
enum TransporteAPI {
    static let operations: [APIOperation] = OpenAPIRoutes.operations + SystemRoutes.operations + AuthRoutes.operations
        + SolicitudRoutes.operations + CatalogRoutes.operations + MotoristaRoutes.operations
        + SolicitanteRoutes.operations + MisionRoutes.operations + RegistroRoutes.operations
}
