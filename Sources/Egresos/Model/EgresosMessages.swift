/// The error catalogue (egresos.md §9) in both languages: HTTP-level messages and application codes.
enum EgresosMessages {
    /// The HTTP-level message of `status` (§9.1).
    static func http(_ status: Int, _ language: Language) -> String {
        let pair: (String, String)
        switch status {
        case 400: pair = ("No se puede procesar la solicitud debido a algo que se percibe como un error del cliente.",
                          "The request cannot be processed due to something perceived as a client error.")
        case 401: pair = ("Hay un error con la autorización.", "There is an error with the authorization.")
        case 403: pair = ("No es posible otorgar acceso.", "Access cannot be granted.")
        case 404: pair = ("No se encontró el recurso de destino.", "The target resource was not found.")
        case 409: pair = ("La solicitud no pudo completarse debido a un conflicto con el estado actual.",
                          "The request could not be completed due to a conflict with the current state.")
        case 410: pair = ("El recurso objetivo ya no está disponible.", "The target resource is no longer available.")
        case 415: pair = ("Hay un problema con el archivo.", "There is a problem with the file.")
        case 422: pair = ("Hay errores semánticos y no se puede procesar el contenido de la solicitud.",
                          "There are semantic errors and the request content cannot be processed.")
        case 423: pair = ("No puedes realizar esta acción ya que esta bloqueada", "You cannot perform this action because it is locked")
        case 424: pair = ("La acción solicitada dependía de otra acción y esa acción falló",
                          "The requested action depended on another action and that action failed")
        case 503: pair = ("El servicio no está disponible por el momento.", "The service is not available at the moment.")
        default: pair = ("El servidor encontró una condición inesperada que le impidió cumplir con la solicitud.",
                         "The server encountered an unexpected condition that prevented it from fulfilling the request.")
        }
        return language == .en ? pair.1 : pair.0
    }

    /// The message of application code `code` (§9.2); `{{size}}` and similar placeholders are filled from
    /// `values`. Unknown codes fall back to the HTTP-level message of their first three digits.
    static func code(_ code: String, _ language: Language, values: [String: String] = [:]) -> String {
        let pair: (String, String)?
        switch code {
        case "4041": pair = ("El recurso que buscas no existe.", "The resource you are looking for does not exist.")
        case "4153": pair = ("El archivo debe pesar a lo más {{size}} Kb.", "The file must weigh at most {{size}} Kb.")
        default: pair = nil
        }
        guard let pair else { return http(Int(code.prefix(3)) ?? 500, language) }
        var text = language == .en ? pair.1 : pair.0
        for (key, value) in values { text = text.replacing("{{\(key)}}", with: value) }
        return text
    }
}
