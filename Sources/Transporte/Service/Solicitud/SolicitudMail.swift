import AppCore

/// The notification mails of a solicitud (T6, transporte.md §8): Spanish plain text, subjects with the code.
/// The texts are the table `plantillas`; `mensaje` fills one from a `SolicitudResumen`.
enum SolicitudMail {
    /// One notice and its recipient.
    enum Aviso: Sendable, CaseIterable {
        /// Creation: confirmation to the requester.
        case registrada
        /// Creation: request for a decision to the approver.
        case pendienteAprobacion
        /// Approval, to the requester.
        case aprobada
        /// Rejection, to the requester.
        case rechazada
        /// Cancellation, to the requester.
        case canceladaSolicitante
        /// Cancellation, to the approver.
        case canceladaAprobador

        /// Whether the approver (rather than the requester) receives it.
        var paraAprobador: Bool { self == .pendienteAprobacion || self == .canceladaAprobador }
    }

    /// Subject and opening sentence; `{codigo}`, `{solicitante}` and `{aprobador}` are filled in.
    struct Plantilla: Sendable {
        /// The subject line.
        let asunto: String
        /// The sentence after the greeting.
        let introduccion: String
    }

    /// The texts, one per notice.
    static let plantillas: [Aviso: Plantilla] = [
        .registrada: Plantilla(
            asunto: "Solicitud {codigo} registrada",
            introduccion: "Su solicitud de transporte {codigo} fue registrada y está pendiente de aprobación por {aprobador}."),
        .pendienteAprobacion: Plantilla(
            asunto: "Solicitud {codigo} pendiente de aprobación",
            introduccion: "{solicitante} registró la solicitud de transporte {codigo}, que requiere su aprobación."),
        .aprobada: Plantilla(
            asunto: "Solicitud {codigo} aprobada",
            introduccion: "Su solicitud de transporte {codigo} fue aprobada por {aprobador}."),
        .rechazada: Plantilla(
            asunto: "Solicitud {codigo} rechazada",
            introduccion: "Su solicitud de transporte {codigo} fue rechazada."),
        .canceladaSolicitante: Plantilla(
            asunto: "Solicitud {codigo} cancelada",
            introduccion: "Su solicitud de transporte {codigo} fue cancelada."),
        .canceladaAprobador: Plantilla(
            asunto: "Solicitud {codigo} cancelada",
            introduccion: "La solicitud de transporte {codigo} de {solicitante}, que usted debía aprobar, fue cancelada."),
    ]

    /// The closing line of every mail.
    static let pie = "Este es un mensaje automático del sistema de Transporte; por favor no lo responda."

    /// The recipient of `aviso` for `resumen`.
    static func destinatario(_ aviso: Aviso, _ resumen: SolicitudResumen) -> SolicitudResumen.Persona {
        aviso.paraAprobador ? resumen.aprobador : resumen.solicitante
    }

    /// The mail of `aviso`, or nil when its recipient has no e-mail address; throws when the address (or the
    /// subject) is not acceptable to `MailMessage`.
    static func mensaje(_ aviso: Aviso, _ resumen: SolicitudResumen, motivo: String?) throws(MailMessageError) -> MailMessage? {
        let persona = destinatario(aviso, resumen)
        guard let email = persona.email, !email.isEmpty, let plantilla = plantillas[aviso] else { return nil }
        let valores = ["codigo": resumen.codigo, "solicitante": resumen.solicitante.nombre,
                       "aprobador": resumen.aprobador.nombre]
        return try MailMessage(to: [email], subject: rellenar(plantilla.asunto, valores),
                               text: cuerpo(rellenar(plantilla.introduccion, valores), para: persona, resumen, motivo: motivo))
    }

    /// The plain-text body: greeting, opening sentence, the solicitud's facts, the reason if any.
    static func cuerpo(_ introduccion: String, para persona: SolicitudResumen.Persona, _ resumen: SolicitudResumen,
                       motivo: String?) -> String {
        var lineas = ["Hola \(persona.nombre):", "", introduccion, "",
                      "Código: \(resumen.codigo)",
                      "Asunto: \(resumen.asunto)",
                      "Fecha del servicio: \(resumen.fechaServicio)",
                      "Hora del servicio: \(String(resumen.horaServicio.prefix(5)))",
                      "Lugares:"]
        lineas += resumen.paradas.map { "  \($0.orden). \($0.nombre)\($0.esOrigen ? " (origen)" : "")" }
        lineas += ["Solicitante: \(resumen.solicitante.nombre)", "Aprobador: \(resumen.aprobador.nombre)"]
        if let estado = resumen.nombreEstado { lineas.append("Estado: \(estado)") }
        if let motivo, !motivo.isEmpty { lineas.append("Motivo: \(motivo)") }
        lineas += ["", pie]
        return lineas.joined(separator: "\n") + "\n"
    }

    /// `texto` with every `{clave}` of `valores` replaced (unknown keys stay as they are).
    static func rellenar(_ texto: String, _ valores: [String: String]) -> String {
        var resultado = ""
        var resto = Substring(texto)
        while let abre = resto.firstIndex(of: "{") {
            resultado += resto[..<abre]
            guard let cierra = resto[abre...].firstIndex(of: "}") else { return resultado + resto[abre...] }
            let clave = String(resto[resto.index(after: abre)..<cierra])
            resultado += valores[clave] ?? String(resto[abre...cierra])
            resto = resto[resto.index(after: cierra)...]
        }
        return resultado + resto
    }
}
