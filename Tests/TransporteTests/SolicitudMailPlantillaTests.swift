import AppCore
import Testing
@testable import Transporte

/// The mails are filled from templates cut once (`SolicitudMail.partes`) and written line by line (issue 16): the
/// texts must stay exactly those of the dictionary filling and the joined lines they replace.
@Suite("Solicitud mails: templates cut once")
struct SolicitudMailPlantillaTests {
    /// The body as it was built before issue 16's change (lines joined): the reference the new one must equal.
    static func cuerpoDeReferencia(_ introduccion: String, para persona: SolicitudResumen.Persona,
                                   _ resumen: SolicitudResumen, motivo: String?) -> String {
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
        lineas += ["", SolicitudMail.pie]
        return lineas.joined(separator: "\n") + "\n"
    }

    static let resumenes = [
        SolicitudResumen(
            id: 42, codigo: "SOL-2026-03-00000042", asunto: "Transporte {codigo} de personal", fechaServicio: "2026-04-15",
            horaServicio: "08:00:00", nombreEstado: "Pendiente de Aprobación",
            solicitante: .init(id: 1, nombre: "Juan {aprobador} Pérez", email: "solicitante1@transporte.local"),
            aprobador: .init(id: 3, nombre: "María González", email: "aprobador1@transporte.local"),
            paradas: [.init(orden: 0, nombre: "Sede Central", esOrigen: true),
                      .init(orden: 1, nombre: "Oficina Regional Norte", esOrigen: false)]),
        SolicitudResumen(
            id: 7, codigo: "SOL-2026-12-00000007", asunto: "", fechaServicio: "2026-12-31", horaServicio: "23:59:59",
            nombreEstado: nil, solicitante: .init(id: 2, nombre: "", email: "a@b.example"),
            aprobador: .init(id: 4, nombre: "Ñandú 😀", email: "c@d.example"), paradas: []),
    ]

    @Test("every template filled from its parts equals the dictionary filling, odd templates included")
    func partesIgualAlDiccionario() {
        var textos = SolicitudMail.plantillas.values.flatMap { [$0.asunto, $0.introduccion] }
        textos += ["", "{", "}", "{}", "{codigo", "x {otro} {codigo}{solicitante}{aprobador} {", "{{codigo}}", "a}{b"]
        for resumen in Self.resumenes {
            let valores = ["codigo": resumen.codigo, "solicitante": resumen.solicitante.nombre,
                           "aprobador": resumen.aprobador.nombre]
            for texto in textos {
                #expect(SolicitudMail.rellenar(SolicitudMail.partir(texto), resumen) == SolicitudMail.rellenar(texto, valores),
                        "\(texto)")
            }
        }
    }

    @Test("every mail's subject and body are the ones of the joined-lines build, with and without state and motivo")
    func mensajesIgualesALaReferencia() throws {
        for resumen in Self.resumenes {
            let valores = ["codigo": resumen.codigo, "solicitante": resumen.solicitante.nombre,
                           "aprobador": resumen.aprobador.nombre]
            for aviso in SolicitudMail.Aviso.allCases {
                for motivo in [nil, "", "Sin presupuesto"] {
                    let mensaje = try #require(try SolicitudMail.mensaje(aviso, resumen, motivo: motivo))
                    let plantilla = try #require(SolicitudMail.plantillas[aviso])
                    let persona = SolicitudMail.destinatario(aviso, resumen)
                    #expect(mensaje.subject == SolicitudMail.rellenar(plantilla.asunto, valores))
                    #expect(mensaje.text == Self.cuerpoDeReferencia(SolicitudMail.rellenar(plantilla.introduccion, valores),
                                                                     para: persona, resumen, motivo: motivo))
                }
            }
        }
    }
}
