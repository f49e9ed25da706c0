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
        guard let email = persona.email, !email.isEmpty, let plantilla = partes[aviso] else { return nil }
        return try MailMessage(to: [email], subject: rellenar(plantilla.asunto, resumen),
                               text: cuerpo(rellenar(plantilla.introduccion, resumen), para: persona, resumen, motivo: motivo))
    }

    /// A piece of a template: text as it is, or one of the keys `rellenar` fills in.
    enum Parte: Sendable, Equatable {
        /// Text kept as it is (an unknown `{clave}` included).
        case texto(String)
        /// `{codigo}`.
        case codigo
        /// `{solicitante}`.
        case solicitante
        /// `{aprobador}`.
        case aprobador
    }

    /// `plantillas` cut into `Parte`s once, so a mail is filled by appending (issue 16: scanning the templates and
    /// a dictionary of values per mail was a tenth of a creation's app CPU with the rest of the mail).
    static let partes: [Aviso: (asunto: [Parte], introduccion: [Parte])] =
        plantillas.mapValues { (partir($0.asunto), partir($0.introduccion)) }

    /// `texto` cut as `rellenar(_:_:)` reads it: the same keys, the same unknown keys and unclosed braces kept.
    static func partir(_ texto: String) -> [Parte] {
        var partes: [Parte] = []
        var literal = ""
        var resto = Substring(texto)
        while let abre = resto.firstIndex(of: "{") {
            // An unclosed brace: the rest is text as it is.
            guard let cierra = resto[abre...].firstIndex(of: "}") else { break }
            literal += resto[..<abre]
            let parte: Parte? = switch resto[resto.index(after: abre)..<cierra] {
            case "codigo": .codigo
            case "solicitante": .solicitante
            case "aprobador": .aprobador
            default: nil
            }
            if let parte {
                if !literal.isEmpty { partes.append(.texto(literal)) }
                literal = ""
                partes.append(parte)
            } else {
                literal += resto[abre...cierra]
            }
            resto = resto[resto.index(after: cierra)...]
        }
        literal += resto
        if !literal.isEmpty { partes.append(.texto(literal)) }
        return partes
    }

    /// `partes` with the keys filled in from `resumen` (what `rellenar(_:_:)` gives with its values).
    static func rellenar(_ partes: [Parte], _ resumen: SolicitudResumen) -> String {
        var resultado = ""
        for parte in partes {
            switch parte {
            case .texto(let texto): resultado += texto
            case .codigo: resultado += resumen.codigo
            case .solicitante: resultado += resumen.solicitante.nombre
            case .aprobador: resultado += resumen.aprobador.nombre
            }
        }
        return resultado
    }

    /// The plain-text body: greeting, opening sentence, the solicitud's facts, the reason if any.
    static func cuerpo(_ introduccion: String, para persona: SolicitudResumen.Persona, _ resumen: SolicitudResumen,
                       motivo: String?) -> String {
        // One string appended line by line (each line ends in "\n"), not an array of lines joined.
        var texto = ""
        texto.reserveCapacity(512)
        texto += "Hola \(persona.nombre):\n\n\(introduccion)\n\n"
        texto += "Código: \(resumen.codigo)\n"
        texto += "Asunto: \(resumen.asunto)\n"
        texto += "Fecha del servicio: \(resumen.fechaServicio)\n"
        texto += "Hora del servicio: \(resumen.horaServicio.prefix(5))\n"
        texto += "Lugares:\n"
        for parada in resumen.paradas {
            texto += "  \(parada.orden). \(parada.nombre)\(parada.esOrigen ? " (origen)" : "")\n"
        }
        texto += "Solicitante: \(resumen.solicitante.nombre)\nAprobador: \(resumen.aprobador.nombre)\n"
        if let estado = resumen.nombreEstado { texto += "Estado: \(estado)\n" }
        if let motivo, !motivo.isEmpty { texto += "Motivo: \(motivo)\n" }
        texto += "\n\(pie)\n"
        return texto
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
