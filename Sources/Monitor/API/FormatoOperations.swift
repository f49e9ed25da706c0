import HTTPCore

/// The printed forms of an expediente (monitor.md §4.10, §7, ruling M13), registered by `FormatoRoutes`.
enum FormatoOperations {
    static let expediente = form(
        .expediente, path: "/api/formatos/{no_siniestro}", operationID: "getFormatoExpediente",
        summary: "EXPEDIENTE form (.xlsx)",
        about: "The expediente's form: its fields in the cells of §7 and the insurer's logo (AXA, HDI, Qualitas).")

    static let checklist = form(
        .checklist, path: "/api/formatos/checklist/{no_siniestro}", operationID: "getFormatoChecklist",
        summary: "CHECKLIST form (.xlsx)",
        about: "The newest checklist of the expediente: its fields, and an X per item in the OK/RE/MA/NA column of its valor.",
        afterStorage: " Items outside the catalogue of §7 are skipped.")

    static let levantamiento = form(
        .levantamiento, path: "/api/formatos/levantamiento/{no_siniestro}", operationID: "getFormatoLevantamiento",
        summary: "LEVANTAMIENTO DE DAÑOS form (.xlsx)",
        about: "The newest levantamiento of the expediente: its fields, X marks, and up to 104 concepts in order; L75 is their total (a formula with its value).")

    /// One form's download: the xlsx with its `Content-Disposition`, the form's 404 and 500 (`Formato`).
    private static func form(_ formato: Formato, path: String, operationID: String, summary: String, about: String,
                             afterStorage: String = "") -> OperationSpec<MonitorContext> {
        let name = "`\(formato.prefix)_<no_siniestro>.xlsx`"
        let success: JSONValue = [
            "description": .string("The form as an Excel workbook, downloaded as \(name) (a `/`, a backslash or a control character of the claim number becomes `_`)."),
            "headers": ["Content-Disposition": [
                "description": .string("`attachment; filename=\"\(formato.prefix)_<no_siniestro>.xlsx\"`, plus `filename*=UTF-8''…` when the name is not plain ASCII."),
                "schema": ["type": "string"],
            ]],
            "content": [FormatoRoutes.contentType: ["schema": ["type": "string", "format": "binary"]]],
        ]
        return OperationSpec<MonitorContext>(
            method: .get, path: path, tag: "Formatos", summary: summary,
            description: "monitor.md §4.10, §7 and ruling M13. \(about) The file is also stored in the expediente's `FORMATOS/` folder (replacing the previous copy), which the cloud backup uploads.\(afterStorage) Dates are printed as `d/m/yyyy` in America/Mexico_City, booleans as `X`.",
            operationID: operationID, access: MonitorAccess.token, parameters: [MonitorParameter.noSiniestro],
            responses: [
                (200, success),
                (404, MonitorResponse.error("Nothing to print for this claim number.", ["not_found": formato.notFound.message])),
                (500, MonitorResponse.error("The file could not be written.", ["failed": formato.failed.message])),
                MonitorResponse.unavailable,
            ])
    }
}
