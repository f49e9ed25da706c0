import AppCore
import HTTPCore
import Logging
import MariaDB

/// A creation in three statements (0021, 0025, issue 16): the row and its stops, each returning its record
/// columns, and one `CALL` for the first state, the code, the mails (T6, written here under the row's provisional
/// code, given the real one there) and the COMMIT (so the correlative lock waits for no client round trip). The
/// record is built from those results and the names the reference check read (`referencias`), with the same column
/// names, values and types the record statement gives, so the answer is the one a read-back would give; it is
/// rendered after the COMMIT.
extension MariaDBSolicitudRepository {
    func crear(_ campos: [(column: String, value: FieldValue)], lugares: [LugarSolicitud], nombres: SolicitudReferencias.Nombres,
               instante: Int64, anio: Int, mes: Int,
               correos: (SolicitudResumen) throws -> [MailMessage]) throws -> SolicitudCreada {
        let creacion = Self.dateTime(utcMilliseconds: instante)
        var binds: [SQLValue] = []
        binds.reserveCapacity(SolicitudSQL.columnas.count + 2)
        for columna in SolicitudSQL.columnas {
            binds.append(campos.last { $0.column == columna }.map { Self.bind($0.value) } ?? .null)
        }
        binds += [creacion, creacion]
        guard let fila = try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.crear, binds: binds)),
              case .text(let provisional) = fila[SolicitudSQL.creadaCodigo] else {
            throw MariaDBError(kind: .other, message: "INSERT ... RETURNING de Solicitud no devolvió la fila")
        }
        let id = try fila.int("Id")
        var paradas: [SQLRow] = []
        if !lugares.isEmpty {
            // The stops carry the creation instant too (they were written under the pinned session clock before).
            paradas = try connection.query(SQLQuery(
                unsafeSQL: SolicitudSQL.crearLugares(lugares.count),
                binds: Self.lugarBinds(lugares, solicitud: id, extra: [creacion, creacion])))
                .map { try Self.conLugar($0, nombres) }
            paradas.sort { Self.orden($0, lugarColumns: true) < Self.orden($1, lugarColumns: true) }
        }
        var valores = fila.values
        for (destino, valor) in zip(SolicitudSQL.nombreIndices, Self.valores(nombres)) {
            valores[destino] = valor
        }
        // The mails, composed before the code is taken: the provisional code where the code goes, the first state's
        // name as `referencias` read it (the CALL reads the same share-locked row).
        let mensajes = try correos(try Self.resumen(SQLRow(columns: fila.columns, values: valores), paradas))
        guard mensajes.count <= 2 else {
            throw MariaDBError(kind: .other, message: "una creación escribe a lo sumo dos correos, no \(mensajes.count)")
        }
        var llamada: [SQLValue] = [.int(Int64(id)), creacion, .int(Int64(anio)), .int(Int64(mes)), .text(provisional)]
        for indice in 0..<2 {
            llamada += indice < mensajes.count ? Self.columnas(mensajes[indice]) : [.null, .null, .null, .null]
        }
        // The OUT parameters are placeholders: the server sends their values back as the CALL's own result row.
        llamada += Array(repeating: SQLValue.null, count: SolicitudSQL.completadaColumnas.count)
        let completada = try confirmar(llamada)
        guard let completada, case .text = completada[0] else {
            throw MariaDBError(kind: .other, message: "confirmar_solicitud_creada no devolvió un código")
        }
        for (indice, destino) in SolicitudSQL.completadaIndices.enumerated() {
            valores[destino] = completada[indice]
        }
        // Committed: the record is rendered by the caller, after the transaction.
        let zone = zone
        return SolicitudCreada {
            let json = RecordJSON(zone: zone)
            // By position (`creadaLayout`, `creadaLugarLayout`): the names are those the statements return.
            var members = json.members(valores[...], SolicitudSQL.creadaLayout)
            members.append(("lugares", .array(paradas.map { .object(json.members($0.values[...], SolicitudSQL.creadaLugarLayout)) })))
            // A solicitud created by this transaction has no missions.
            members.append(("misiones", .array([])))
            return .object(members)
        }
    }

    /// Runs `completarCreacion` with `binds`, which ends the transaction with its COMMIT: a connection lost
    /// during it leaves the outcome unknown, as one lost during COMMIT (`MariaDBError.isCommitOutcomeUnknown`).
    private func confirmar(_ binds: [SQLValue]) throws(MariaDBError) -> SQLRow? {
        do {
            return try connection.queryFirst(SQLQuery(unsafeSQL: SolicitudSQL.completarCreacion, binds: binds))
        } catch where error.kind == .connectionLost {
            var unknown = error
            unknown.isCommitOutcomeUnknown = true
            connection.logger.error(
                "MariaDB COMMIT outcome unknown: the connection was lost during the creation's last CALL, which commits; the request is not acknowledged",
                metadata: ["error": "\(String(reflecting: error))"])
            throw unknown
        }
    }

    /// `mensaje` as mail_outbox's recipients, subject, body_text and body_html.
    static func columnas(_ mensaje: MailMessage) -> [SQLValue] {
        [.text(mensaje.to.joined(separator: ",")), .text(mensaje.subject), .text(mensaje.text),
         mensaje.html.map(SQLValue.text) ?? .null]
    }

    /// The values of `SolicitudSQL.nombreColumnas`, in its order, from `nombres` (NULL where a name is missing, as
    /// the record's LEFT JOINs would give).
    static func valores(_ nombres: SolicitudReferencias.Nombres) -> [SQLValue] {
        func texto(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
        return [
            texto(nombres.solicitante?.nombre), texto(nombres.solicitante?.email), texto(nombres.departamento),
            texto(nombres.aprobador?.nombre), texto(nombres.aprobador?.email), texto(nombres.prioridad),
            texto(nombres.servicio), texto(nombres.estadoInicial),
        ]
    }

    /// A stop returned by `SolicitudSQL.crearLugares` with its place's name and address from `nombres`.
    static func conLugar(_ parada: SQLRow, _ nombres: SolicitudReferencias.Nombres) throws -> SQLRow {
        let lugar = nombres.lugares[try parada.int("IdLugar")]
        var valores = parada.values
        valores[SolicitudSQL.creadaLugarNombre] = lugar.map { .text($0.nombre) } ?? .null
        valores[SolicitudSQL.creadaLugarDireccion] = lugar?.direccion.map(SQLValue.text) ?? .null
        return SQLRow(columns: parada.columns, values: valores)
    }
}
