import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The mission endpoints against a real MariaDB (transporte.md §2.2, §8.4; rulings T11, T14): the whole life of
/// a mission and its solicitud, every refused transition (409, nothing written), the mileage and fuel rules, and
/// the solicitud tie-ins.
@Suite("Misiones (T11, T14)", .serialized)
struct MisionTests {
    /// A harness with the fleet rows, one vehicle, one driver and an APROBADA solicitud.
    func preparar() throws -> (h: TransporteHarness, vehiculo: Int, motorista: (perfil: Int, token: String), solicitud: Int) {
        let h = try TransporteHarness()
        try h.prepararFlota()
        let vehiculo = try h.vehiculo("P100001", kilometraje: 1_000)
        let motorista = try h.motorista(1)
        return (h, vehiculo, motorista, try h.solicitudEn("APROBADA"))
    }

    /// Sends `method path json` as `token`, expects `status`; a refusal must leave every mission table as it was.
    @discardableResult
    func expect(_ h: TransporteHarness, _ method: HTTPMethod, _ path: String, _ json: String?, token: String, _ status: Int,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> TestResponse {
        let antes = try h.huellaMisiones()
        let response = h.call(method, path, json: json, token: token)
        #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
        if status >= 400 { #expect(try h.huellaMisiones() == antes, "\(method) \(path) wrote", sourceLocation: sourceLocation) }
        return response
    }

    static let inicio = #"{"kilometrajeInicio": 1200, "combustibleInicialGalones": 10.5}"#
    static let fin = #"{"kilometrajeFin": 1350, "combustibleFinalGalones": 4.25, "incidencias": "Ninguna"}"#

    @Test("created, assigned, started, moved and finished: the solicitud goes EN_PROCESO then COMPLETADA in its historico")
    func cicloCompleto() throws {
        let (h, vehiculo, motorista, solicitud) = try preparar()
        let creada = try h.crearMision(solicitud, extra: #", "idLugarOrigen": 1, "idLugarDestino": 5, "paradas": [{"idLugarDestino": 2, "numeroParada": 1, "fechaHoraLlegadaEstimada": "2026-04-15T09:30"}, {"idLugarDestino": 5, "numeroParada": 2, "esParadaFinal": true}]"#)
        #expect(creada.status == 201 && creada.message == "Misión creada exitosamente", "\(creada.text)")
        #expect(creada.data?["CodigoEstado"]?.stringValue == "PROGRAMADA")
        #expect(creada.data?["paradas"]?.arrayValue?.count == 2)
        #expect(creada.data?["paradas"]?.arrayValue?.first?["FechaHoraLlegadaEstimada"]?.stringValue == "2026-04-15T09:30:00")
        let id = try #require(creada.data?["Id"]?.intValue)
        let admin = try h.token("admin")
        let asignada = try expect(h, .post, "/mision/\(id)/asignar",
                                  #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(motorista.perfil)}"#, token: admin, 200)
        #expect(asignada.message == "Vehículo y motorista asignados exitosamente" && asignada.data?["PlacaVehiculo"]?.stringValue == "P100001")
        let iniciada = try expect(h, .post, "/mision/\(id)/iniciar", Self.inicio, token: motorista.token, 200)
        #expect(iniciada.data?["CodigoEstado"]?.stringValue == "EN_EJECUCION" && iniciada.message == "Misión iniciada exitosamente")
        #expect(iniciada.data?["FechaHoraInicio"]?.stringValue == "2026-02-28T23:30:00")
        #expect(try h.estado(solicitud) == "EN_PROCESO")
        for codigo in ["EN_RUTA_RECOGIDA", "EN_ESPERA", "EN_RUTA_REGRESO"] {
            let movida = try expect(h, .patch, "/mision/\(id)/estado", #"{"codigoEstado": "\#(codigo)"}"#, token: motorista.token, 200)
            #expect(movida.data?["CodigoEstado"]?.stringValue == codigo)
        }
        let finalizada = try expect(h, .post, "/mision/\(id)/finalizar", Self.fin, token: motorista.token, 200)
        #expect(finalizada.data?["CodigoEstado"]?.stringValue == "COMPLETADA" && finalizada.data?["KilometrajeRecorrido"]?.intValue == 150)
        #expect(finalizada.data?["CombustibleConsumidoGalones"].map { "\($0)" } == "\(Input.number("6.25"))")
        #expect(try h.count("SELECT KilometrajeActual FROM Vehiculo WHERE Id = \(vehiculo)") == 1_350)
        #expect(try h.estado(solicitud) == "COMPLETADA")
        #expect(try h.motivos(solicitud) == ["Solicitud creada", "Solicitud aprobada", "Misión iniciada", "Todas las misiones completadas"])
        let historico = h.call(.get, "/solicitud/\(solicitud)/historico", token: admin)
        #expect(historico.data?["historico"]?.arrayValue?.compactMap { $0["CodigoEstado"]?.stringValue }
                == ["PENDIENTE_APROBACION", "APROBADA", "EN_PROCESO", "COMPLETADA"])
        let propio = h.call(.get, "/mision/\(id)/historico", token: motorista.token)
        #expect(propio.status == 200 && propio.data?["idMision"]?.intValue == id)
        let filas = propio.data?["historico"]?.arrayValue ?? []
        #expect(filas.compactMap { $0["CodigoEstado"]?.stringValue }
                == ["PROGRAMADA", "EN_EJECUCION", "EN_RUTA_RECOGIDA", "EN_ESPERA", "EN_RUTA_REGRESO", "COMPLETADA"])
        #expect(filas.allSatisfy { $0["FechaHoraCreacion"]?.stringValue == "2026-02-28T23:30:00" }, "the module's clock stamps them")
        let registro = h.call(.get, "/solicitud/\(solicitud)", token: admin)
        #expect(registro.data?["misiones"]?.arrayValue?.compactMap { $0["Id"]?.intValue } == [id])
    }

    @Test("the record's misiones (one statement with its stops, issue 16): by date, then departure, then Id, each as GET /mision/solicitud lists it; the stops neither repeat nor go")
    func registroConVariasMisiones() throws {
        let (h, _, _, solicitud) = try preparar()
        // Created out of date order, so the order of their Ids (the index's) is not the record's.
        let tarde = try h.misionId(solicitud, fecha: "2026-04-17")
        let temprano = try h.misionId(solicitud, fecha: "2026-04-15")
        let medio = try h.misionId(solicitud, fecha: "2026-04-16")
        let admin = try h.token("admin")
        let registro = h.call(.get, "/solicitud/\(solicitud)", token: admin)
        #expect(registro.status == 200, "\(registro.text)")
        #expect(registro.data?["misiones"]?.arrayValue?.compactMap { $0["Id"]?.intValue } == [temprano, medio, tarde])
        let lista = h.call(.get, "/mision/solicitud/\(solicitud)", token: admin)
        #expect(lista.status == 200 && registro.data?["misiones"] == lista.data, "\(lista.text)")
        #expect(registro.data?["lugares"]?.arrayValue?.compactMap { $0["Orden"]?.intValue } == [0, 1])
        #expect(registro.data?["lugares"]?.arrayValue?.first?["NombreLugar"]?.stringValue == "Sede Central")
        #expect(registro.data?["CodigoSolicitud"]?.stringValue?.hasPrefix("SOL-2026-02-") == true)
    }

    @Test("every transition the workflow refuses is a 409 that writes nothing (no history row)")
    func transicionesRechazadas() throws {
        let (h, vehiculo, motorista, _) = try preparar()
        let admin = try h.token("admin")
        // Readings that never go backwards, however many missions the vehicle finishes.
        let inicio = #"{"kilometrajeInicio": 5000, "combustibleInicialGalones": 10}"#
        let fin = #"{"kilometrajeFin": 5000, "combustibleFinalGalones": 10}"#
        let acciones: [(String, HTTPMethod, String, String)] = [
            ("iniciar", .post, "/iniciar", inicio), ("recogida", .patch, "/estado", #"{"codigoEstado": "EN_RUTA_RECOGIDA"}"#),
            ("espera", .patch, "/estado", #"{"codigoEstado": "EN_ESPERA"}"#),
            ("regreso", .patch, "/estado", #"{"codigoEstado": "EN_RUTA_REGRESO"}"#), ("finalizar", .post, "/finalizar", fin),
            ("cancelar", .post, "/cancelar", #"{"motivo": "Ya no hace falta"}"#),
        ]
        // The state each mission is brought to, and the actions allowed from it (T11).
        let casos: [(String, [String], Set<String>)] = [
            ("PROGRAMADA", [], ["iniciar", "cancelar"]),
            ("EN_EJECUCION", ["iniciar"], ["recogida", "espera", "regreso", "finalizar", "cancelar"]),
            ("EN_ESPERA", ["iniciar", "espera"], ["recogida", "regreso", "finalizar", "cancelar"]),
            ("COMPLETADA", ["iniciar", "finalizar"], []),
            ("CANCELADA", ["cancelar"], []),
        ]
        for (estado, camino, permitidas) in casos {
            for (nombre, method, sufijo, body) in acciones {
                // A solicitud of its own: finishing its only mission completes it.
                let id = try h.misionId(try h.solicitudEn("APROBADA"))
                try h.asignar(id, vehiculo: vehiculo, motorista: motorista.perfil)
                for paso in camino {
                    let accion = try #require(acciones.first { $0.0 == paso })
                    try expect(h, accion.1, "/mision/\(id)\(accion.2)", accion.3, token: admin, 200)
                }
                #expect(try h.estadoMision(id) == estado)
                let response = try expect(h, method, "/mision/\(id)\(sufijo)", body, token: admin,
                                          permitidas.contains(nombre) ? 200 : 409)
                if !permitidas.contains(nombre) { #expect(response.message?.hasSuffix("Estado actual: \(estado)") == true) }
                // Leave the vehicle and driver free for the next mission of that date.
                if try h.estadoMision(id).map({ !["COMPLETADA", "CANCELADA"].contains($0) }) == true {
                    try expect(h, .post, "/mision/\(id)/cancelar", #"{"motivo": "Fin del caso"}"#, token: admin, 200)
                }
            }
        }
        let programada = try h.misionId(try h.solicitudEn("APROBADA"))
        for (sufijo, method, body) in [("/asignar", HTTPMethod.post, #"{"idVehiculoAsignado": 1, "idMotoristaAsignado": 1}"#),
                                       ("", .put, #"{"descripcion": "Otra"}"#), ("", .delete, nil)] {
            try expect(h, .post, "/mision/\(programada)/iniciar", inicio, token: admin, 409)  // no vehicle yet
            let enCurso = try h.misionId(try h.solicitudEn("APROBADA"), fecha: "2026-06-01")
            try h.asignar(enCurso, vehiculo: vehiculo, motorista: motorista.perfil)
            try expect(h, .post, "/mision/\(enCurso)/iniciar", inicio, token: admin, 200)
            let refused = try expect(h, method, "/mision/\(enCurso)\(sufijo)", body, token: admin, 409)
            #expect(refused.message?.hasPrefix("Solo se pueden") == true, "\(refused.text)")
            try expect(h, .post, "/mision/\(enCurso)/cancelar", #"{"motivo": "Fin"}"#, token: admin, 200)
        }
    }

    @Test("mileage and fuel (§8.4): a start below the odometer, a finish below the start or with more fuel are 422")
    func kilometraje() throws {
        let (h, vehiculo, motorista, solicitud) = try preparar()
        let id = try h.misionId(solicitud)
        try h.asignar(id, vehiculo: vehiculo, motorista: motorista.perfil)
        let bajo = try expect(h, .post, "/mision/\(id)/iniciar", #"{"kilometrajeInicio": 999, "combustibleInicialGalones": 5}"#,
                              token: motorista.token, 422)
        #expect(bajo.errorFields == ["kilometrajeInicio"])
        let sinCombustible = try expect(h, .post, "/mision/\(id)/iniciar", #"{"kilometrajeInicio": 1000, "combustibleInicialGalones": 0}"#,
                                        token: motorista.token, 400)
        #expect(sinCombustible.errorFields == ["combustibleInicialGalones"])
        try expect(h, .post, "/mision/\(id)/iniciar", #"{"kilometrajeInicio": 1000, "combustibleInicialGalones": 5}"#,
                   token: motorista.token, 200)
        let atras = try expect(h, .post, "/mision/\(id)/finalizar", #"{"kilometrajeFin": 990, "combustibleFinalGalones": 6}"#,
                               token: motorista.token, 422)
        #expect(atras.errorFields == ["kilometrajeFin", "combustibleFinalGalones"])
        try expect(h, .post, "/mision/\(id)/finalizar", #"{"kilometrajeFin": 1000, "combustibleFinalGalones": 0}"#,
                   token: motorista.token, 200)
        #expect(try h.count("SELECT KilometrajeActual FROM Vehiculo WHERE Id = \(vehiculo)") == 1_000)
    }

    @Test("create: 404 unknown solicitud, 409 not APROBADA/EN_PROCESO, 400 unknown places, 422 repeated stops; nothing written")
    func crearRechazos() throws {
        let (h, _, _, aprobada) = try preparar()
        let admin = try h.token("admin")
        let pendiente = try h.crearId()
        func body(_ solicitud: Int, _ extra: String = "") -> String {
            #"{"idSolicitud": \#(solicitud), "fechaProgramada": "2026-04-15", "horaSalidaProgramada": "08:00"\#(extra)}"#
        }
        try expect(h, .post, "/mision", body(424_242), token: admin, 404)
        let estado = try expect(h, .post, "/mision", body(pendiente), token: admin, 409)
        #expect(estado.message == "Solo se pueden crear misiones para solicitudes en estado APROBADA o EN_PROCESO. Estado actual: PENDIENTE_APROBACION")
        let lugares = try expect(h, .post, "/mision", body(aprobada, #", "idLugarOrigen": 999, "paradas": [{"idLugarDestino": 998, "numeroParada": 1}]"#),
                                 token: admin, 400)
        #expect(lugares.errorFields == ["idLugarOrigen", "paradas[0].idLugarDestino"])
        let paradas = try expect(h, .post, "/mision", body(aprobada, #", "paradas": [{"idLugarDestino": 1, "numeroParada": 1, "esParadaFinal": true}, {"idLugarDestino": 2, "numeroParada": 1, "esParadaFinal": true}]"#),
                                 token: admin, 422)
        #expect(paradas.errorMessages == ["Los números de parada no se pueden repetir", "Solo puede existir una parada final"])
        let campos = try expect(h, .post, "/mision", #"{"fechaProgramada": "15/04/2026", "paradas": [{"numeroParada": 0}]}"#, token: admin, 400)
        #expect(Set(campos.errorFields) == ["idSolicitud", "fechaProgramada", "horaSalidaProgramada", "paradas[0].idLugarDestino",
                                            "paradas[0].numeroParada"])
    }

    @Test("T14: a vehicle or a driver with an active mission that day is a 409 naming it; another day, or once done, it is free")
    func dobleReserva() throws {
        let (h, vehiculo, motorista, solicitud) = try preparar()
        let otroVehiculo = try h.vehiculo("P100002")
        let otroMotorista = try h.motorista(2)
        let admin = try h.token("admin")
        let primera = try h.misionId(solicitud)
        let segunda = try h.misionId(solicitud)
        try expect(h, .post, "/mision/\(primera)/asignar", #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(motorista.perfil)}"#,
                   token: admin, 200)
        let porVehiculo = try expect(h, .post, "/mision/\(segunda)/asignar",
                                     #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(otroMotorista.perfil)}"#, token: admin, 409)
        #expect(porVehiculo.message == "El vehículo P100001 ya tiene una misión activa el 2026-04-15")
        let porMotorista = try expect(h, .post, "/mision/\(segunda)/asignar",
                                      #"{"idVehiculoAsignado": \#(otroVehiculo), "idMotoristaAsignado": \#(motorista.perfil)}"#, token: admin, 409)
        #expect(porMotorista.message == "El motorista Conductor Número1 ya tiene una misión activa el 2026-04-15")
        let taller = try h.vehiculo("P100003", estado: 2)
        try expect(h, .post, "/mision/\(segunda)/asignar", #"{"idVehiculoAsignado": \#(taller), "idMotoristaAsignado": \#(otroMotorista.perfil)}"#,
                   token: admin, 409)
        try expect(h, .post, "/mision/\(segunda)/asignar", #"{"idVehiculoAsignado": 4242, "idMotoristaAsignado": 4243}"#, token: admin, 400)
        let otroDia = try h.misionId(solicitud, fecha: "2026-04-16")
        try expect(h, .post, "/mision/\(otroDia)/asignar", #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(motorista.perfil)}"#,
                   token: admin, 200)
        try expect(h, .put, "/mision/\(otroDia)", #"{"fechaProgramada": "2026-04-15"}"#, token: admin, 409)
        try expect(h, .post, "/mision/\(primera)/cancelar", #"{"motivo": "Se reprograma"}"#, token: admin, 200)
        try expect(h, .post, "/mision/\(segunda)/asignar", #"{"idVehiculoAsignado": \#(vehiculo), "idMotoristaAsignado": \#(motorista.perfil)}"#,
                   token: admin, 200)
    }

    @Test("cancelling the solicitud soft-deletes its PROGRAMADA missions; a running one is left alone")
    func cancelarSolicitud() throws {
        let (h, vehiculo, motorista, solicitud) = try preparar()
        let programada = try h.misionId(solicitud)
        let enCurso = try h.misionId(solicitud, fecha: "2026-04-16")
        try h.asignar(enCurso, vehiculo: vehiculo, motorista: motorista.perfil)
        #expect(h.call(.post, "/mision/\(enCurso)/iniciar", json: Self.inicio, token: motorista.token).status == 200)
        let cancelada = h.call(.post, "/solicitud/\(solicitud)/cancelar", json: #"{"motivo": "Se suspende"}"#, token: try h.token("admin"))
        #expect(cancelada.status == 200, "\(cancelada.text)")
        #expect(cancelada.data?["misiones"]?.arrayValue?.compactMap { $0["Id"]?.intValue } == [enCurso])
        #expect(try h.count("SELECT Eliminado FROM Mision WHERE Id = \(programada)") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM HistoricoEstadoMision WHERE IdMision = \(programada) AND Eliminado = 0") == 0)
        #expect(h.call(.get, "/mision/\(programada)", token: try h.token("admin")).status == 404)
    }

    @Test("delete guards (§10, §9.2): vehicle, driver and place of an active mission are 409; workflow states are protected")
    func guardas() throws {
        let (h, vehiculo, motorista, solicitud) = try preparar()
        let admin = try h.token("admin")
        let id = try h.misionId(solicitud)
        try expect(h, .put, "/mision/\(id)", #"{"idLugarOrigen": 6, "paradas": [{"idLugarDestino": 4, "numeroParada": 1}]}"#, token: admin, 200)
        try h.asignar(id, vehiculo: vehiculo, motorista: motorista.perfil)
        for (path, mensaje) in [
            ("/vehiculo/\(vehiculo)", "No se puede eliminar este vehículo porque tiene misiones activas asignadas"),
            ("/motorista/\(motorista.perfil)", nil), ("/lugar/6", "No se puede eliminar este lugar porque tiene misiones activas asociadas"),
            ("/lugar/4", "No se puede eliminar este lugar porque tiene misiones activas asociadas"),
        ] as [(String, String?)] {
            let response = h.call(.delete, path, token: admin)
            #expect(response.status == 409, "\(path): \(response.text)")
            if let mensaje { #expect(response.message == mensaje) }
        }
        let estados = h.call(.get, "/estado-mision/todos/lista", token: admin).data?.arrayValue ?? []
        #expect(estados.count == 7)
        for estado in estados {
            #expect(h.call(.delete, "/estado-mision/\(estado["Id"]?.intValue ?? 0)", token: admin).status == 409)
        }
        #expect(h.call(.post, "/mision/\(id)/cancelar", json: #"{"motivo": "Fin"}"#, token: admin).status == 200)
        #expect(h.call(.delete, "/lugar/4", token: admin).status == 200)
        #expect(h.call(.delete, "/vehiculo/\(vehiculo)", token: admin).status == 200)
    }

    @Test("DELETE in PROGRAMADA answers {idMision, eliminado} and removes its stops and history")
    func eliminar() throws {
        let (h, _, _, solicitud) = try preparar()
        let id = try h.misionId(solicitud)
        let response = h.call(.delete, "/mision/\(id)", token: try h.token("aprobador1"))
        #expect(response.status == 200 && response.message == "Misión eliminada exitosamente", "\(response.text)")
        #expect(response.data?["idMision"]?.intValue == id && response.data?["eliminado"]?.boolValue == true)
        #expect(try h.count("SELECT COUNT(*) FROM HistoricoEstadoMision WHERE IdMision = \(id) AND Eliminado = 0") == 0)
        #expect(h.call(.get, "/mision/\(id)", token: try h.token("admin")).status == 404)
    }

    @Test("bad input on every mission route: malformed JSON and wrong types are 400 naming the fields, a bad id 404; nothing written")
    func entradaInvalida() throws {
        let (h, _, _, solicitud) = try preparar()
        let admin = try h.token("admin")
        let id = try h.misionId(solicitud)
        let cuerpos: [(HTTPMethod, String, String, [String])] = [
            (.post, "/mision", #"{"idSolicitud": "1", "fechaProgramada": 5, "horaSalidaProgramada": "25:00", "paradas": {}}"#,
             ["idSolicitud", "fechaProgramada", "horaSalidaProgramada", "paradas"]),
            (.put, "/mision/\(id)", #"{"idLugarOrigen": 0, "descripcion": 7, "paradas": [{"idLugarDestino": 1, "numeroParada": 1, "fechaHoraLlegadaEstimada": "2026-04-15 25:00"}]}"#,
             ["idLugarOrigen", "descripcion", "paradas[0].fechaHoraLlegadaEstimada"]),
            (.post, "/mision/\(id)/asignar", #"{"idVehiculoAsignado": true}"#, ["idVehiculoAsignado", "idMotoristaAsignado"]),
            (.post, "/mision/\(id)/iniciar", #"{"kilometrajeInicio": -1, "combustibleInicialGalones": "5"}"#,
             ["kilometrajeInicio", "combustibleInicialGalones"]),
            (.patch, "/mision/\(id)/estado", #"{"codigoEstado": "COMPLETADA"}"#, ["codigoEstado"]),
            (.patch, "/mision/\(id)/estado", #"{}"#, ["codigoEstado"]),
            (.post, "/mision/\(id)/finalizar", #"{"kilometrajeFin": 1.5, "combustibleFinalGalones": -1}"#,
             ["kilometrajeFin", "combustibleFinalGalones"]),
            (.post, "/mision/\(id)/cancelar", #"{"motivo": "   "}"#, ["motivo"]),
        ]
        for (method, path, json, campos) in cuerpos {
            let response = try expect(h, method, path, json, token: admin, 400)
            #expect(response.errorFields == campos, "\(method) \(path): \(response.text)")
            try expect(h, method, path, "{not json", token: admin, 400)
        }
        for path in ["/mision/abc", "/mision/0", "/mision/99999999999", "/mision/424242/historico", "/mision/solicitud/x"] {
            try expect(h, .get, path, nil, token: admin, 404)
        }
        try expect(h, .get, "/mision?fechaDesde=ayer&idVehiculoAsignado=x", nil, token: admin, 400)
    }
}
