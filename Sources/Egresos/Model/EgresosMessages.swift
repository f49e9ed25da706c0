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
        let pair = catalogue[code]
        guard let pair else { return http(Int(code.prefix(3)) ?? 500, language) }
        return fill(language == .en ? pair.1 : pair.0, values)
    }

    /// `template` with each `{{name}}` replaced by `values[name]`, in one pass (a submitted value that contains
    /// `{{…}}` is not expanded again); unknown placeholders stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(after[..<close.lowerBound])
            result += values[name] ?? "{{\(name)}}"
            rest = after[close.upperBound...]
        }
        return result + rest
    }

    /// Every application code of §9.2: (es verbatim, en). 4221's lost space is restored (§13 decision 29).
    static let catalogue: [String: (String, String)] = [
        "1081": ("El pago fue realizado con éxito, pero no se ha recibido la confimación.",
                 "The payment succeeded but the confirmation has not been received."),
        "4001": ("El campo no ha sido enviado.", "The field was not sent."),
        "4002": ("Tiene valores duplicados.", "It has duplicate values."),
        "4011": ("Token inválido.", "Invalid token."),
        "4012": ("Credenciales incorrectas.", "Incorrect credentials."),
        "4013": ("La sesión no es válida.", "The session is not valid."),
        "4014": ("Se requiere el encabezado Authorization.", "The Authorization header is required."),
        "4015": ("Falta subject en payload.", "The payload is missing the subject."),
        "4016": ("La sesión expiró.", "The session has expired."),
        "4031": ("No cuentas con los permisos para realizar esta acción.", "You do not have permission to perform this action."),
        "4032": ("No existe una solicitud para establecer contraseña.", "There is no request to set a password."),
        "4033": ("No fue posible verificar la autenticidad de la firma.", "The signature could not be verified."),
        "4041": ("El recurso que buscas no existe.", "The resource you are looking for does not exist."),
        "4042": ("La instancia del modelo {{model}} no se encontró.", "The {{model}} instance was not found."),
        "4091": ("El administrador debe tener los permisos básicos.", "The administrator must keep the basic permissions."),
        "4092": ("Este correo electrónico ya ha sido tomado.", "This email address has already been taken."),
        "4093": ("{{thing}} {{value}} ya ha sido tomado.", "{{thing}} {{value}} has already been taken."),
        "4101": ("El recurso solicitado ya no está disponible", "The requested resource is no longer available"),
        "4151": ("El formato debe ser uno de los siguientes: jpg, jpeg, png, pdf.",
                 "The format must be one of the following: jpg, jpeg, png, pdf."),
        "4152": ("El tamaño de la imagen debe ser mayor a {{h}} x {{w}} px.", "The image must be larger than {{h}} x {{w}} px."),
        "4153": ("El archivo debe pesar a lo más {{size}} Kb.", "The file must weigh at most {{size}} Kb."),
        "4154": ("Debe ser un archivo (Hint: Content-Type: multipart/form-data)",
                 "It must be a file (Hint: Content-Type: multipart/form-data)"),
        "4221": ("No puede ser vacío o null.", "It cannot be empty or null."),
        "4222": ("Debe tener {{len}} o más caracteres.", "It must have {{len}} or more characters."),
        "4223": ("Debe tener a lo más {{len}} caracteres.", "It must have at most {{len}} characters."),
        "4224": ("El formato no es válido.", "The format is not valid."),
        "4225": ("Las contraseñas no coinciden.", "The passwords do not match."),
        "4226": ("La longitud del debe ser {{len}}.", "The length must be {{len}}."),
        "4227": ("Debe tener sólo letras.", "It must contain only letters."),
        "4228": ("Debe tener sólo letras y números.", "It must contain only letters and numbers."),
        "4229": ("Debe tener el formato {{format}}", "It must have the format {{format}}"),
        "42210": ("Debe ser uno de los siguientes valores: {{list}}", "It must be one of the following values: {{list}}"),
        "42211": ("Debe ser true o false", "It must be true or false"),
        "42212": ("Debe ser mayor que {{min}} y menor o igual que {{max}}",
                  "It must be greater than {{min}} and less than or equal to {{max}}"),
        "42213": ("No es una URL válida.", "It is not a valid URL."),
        "42214": ("Debe ser del tipo: {{type}}", "It must be of type: {{type}}"),
        "42215": ("El rango de fechas es incorrecto.", "The date range is incorrect."),
        "42216": ("Correo electrónico inválido.", "Invalid email address."),
        "42217": ("Debe ser una cadena.", "It must be a string."),
        "42218": ("Debe ser un número.", "It must be a number."),
        "42219": ("Debe ser un Objeto JSON.", "It must be a JSON object."),
        "42220": ("Debe ser un arreglo.", "It must be an array."),
        "42221": ("Debe ser un valor booleano.", "It must be a boolean value."),
        "42222": ("Debe ser una cadena de números.", "It must be a string of digits."),
        "42223": ("Debe ser una fecha.", "It must be a date."),
        "42224": ("Debe tener sólo letras y .", "It must contain only letters and allowed punctuation."),
        "42225": ("Identificador Único inválido.", "Invalid unique identifier."),
        "42226": ("Número de teléfono inválido.", "Invalid phone number."),
        "4231": ("No puedes cambiar tu rol.", "You cannot change your role."),
        "4232": ("No puedes desactivarte.", "You cannot deactivate yourself."),
        "4241": ("No fue posible enviar el correo electrónico debido a problemas con el servidor SMTP.",
                 "The email could not be sent due to problems with the SMTP server."),
    ]
}
