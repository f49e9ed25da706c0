import HTTPCore

/// The public system routes (monitor.md §1, §4.3) and the reference: declared once, registered by `SystemRoutes` and `OpenAPIRoutes`.
enum SystemOperations {
    static let getRoot = OperationSpec<MonitorContext>(
        method: .get, path: "/", tag: "Sistema", summary: "Service banner (JSON), or the landing page for a browser",
        description: "The JSON banner of monitor.md §1; a client whose `Accept` header prefers `text/html` to `application/json` (a browser) gets an HTML page linking to `/docs`, `/openapi.json` and `/api/health` instead.",
        operationID: "getRoot", access: MonitorAccess.open,
        responses: [
            (200, [
                "description": "The service answers.",
                "content": [
                    "application/json": [
                        "schema": ["$ref": "#/components/schemas/Banner"],
                        "example": ["nombre": "Monitor API", "estado": "OK"],
                    ],
                    "text/html": ["schema": ["type": "string"]],
                ],
            ]),
        ])

    static let getDocs = OperationSpec<MonitorContext>(
        method: .get, path: "/docs", tag: "Sistema", summary: "This reference in HTML",
        description: "Every operation of this document, grouped by tag, rendered from the document itself (no script, nothing loaded from elsewhere).",
        operationID: "getDocs", access: MonitorAccess.open,
        responses: [
            (200, ["description": "The page.", "content": ["text/html": ["schema": ["type": "string"]]]]),
        ])

    static let getDiscovery = OperationSpec<MonitorContext>(
        method: .get, path: "/discovery", tag: "Sistema", summary: "LAN discovery",
        operationID: "getDiscovery", access: MonitorAccess.open,
        responses: [
            (200, MonitorResponse.success("The host's non-internal IPv4 addresses, for the mobile app.", MonitorSchemas.ref("Discovery"), example: ["nombre": "Monitor API", "ips": ["192.168.1.20"]])),
        ])

    static let getHealth = OperationSpec<MonitorContext>(
        method: .get, path: "/api/health", tag: "Sistema", summary: "Health of the service",
        description: "monitor.md §4.3.",
        operationID: "getHealth", access: MonitorAccess.open,
        responses: [
            (200, MonitorResponse.success("Always 200; `database` says whether the database answered.", MonitorSchemas.ref("Health"), example: [
                "ip": "127.0.0.1",
                "backend": true,
                "database": true,
                "disco": ["libre_GB": "12.3", "usado_GB": "40.1", "total_GB": "52.4"],
                "evidencias": ["archivos": 3, "tamaño_MB": "0.0"],
                "expedientes": 17,
                "ram": ["usada_MB": 85, "total_MB": 16384],
            ])),
        ])

    static let getOpenAPIDocument = OperationSpec<MonitorContext>(
        method: .get, path: "/openapi.json", tag: "Sistema", summary: "This OpenAPI document",
        operationID: "getOpenAPIDocument", access: MonitorAccess.open,
        responses: [
            (200, MonitorResponse.success("The OpenAPI 3.1 document of the Monitor API.", ["type": "object"])),
        ])
}
