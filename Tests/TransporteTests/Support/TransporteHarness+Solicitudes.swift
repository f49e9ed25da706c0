import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Solicitud fixtures: seed 002's body (with the development seed's places: 1 = Sede Central, 5 = Oficina
/// Regional Norte), a body builder, and shortcuts to what a request left in the database.
extension TransporteHarness {
    /// 2026-03-01T05:30:00Z: still 2026-02-28 23:30 in America/El_Salvador (UTC-6), so codes are of month 02.
    static let finDeFebrero: Int64 = Int64(CivilDate(year: 2026, month: 3, day: 1)!.daysSinceEpoch) * 86_400_000 + 19_800_000

    /// Seed 002's stops.
    static let lugaresSeed = """
        [{"idLugar": 1, "esOrigen": true, "orden": 0, "descripcion": "Sede central - Salida"},
         {"idLugar": 5, "esOrigen": false, "orden": 1, "descripcion": "Primer destino", "horaEstimadaLlegada": "10:30",
          "requiereRetorno": true, "horaEstimadaRetorno": "12:00"}]
        """

    /// Seed 002's request fields as raw JSON texts, in order.
    static let camposSeed: [(String, String)] = [
        ("idUsuarioSolicitante", "1"), ("idDepartamentoSolicitante", "2"), ("idUsuarioAprobador", "3"),
        ("idTipoPrioridadSolicitud", "2"), ("idTipoServicioSolicitud", "1"),
        ("asunto", #""Transporte de personal a sede central""#),
        ("descripcion", #""Se requiere transporte para personal de la unidad""#),
        ("justificacion", #""Reunión de coordinación institucional""#), ("cantidadPasajeros", "5"),
        ("nombresPasajeros", #""Juan Pérez, María López, Carlos Rivas""#), ("fechaServicioRequerido", #""2026-04-15""#),
        ("horaServicioRequerido", #""08:00""#), ("observaciones", #""Llevar a las 8am y regresar a las 5pm""#),
        ("lugares", lugaresSeed),
    ]

    /// Seed 002's body with some fields replaced by other raw JSON (`nil` removes the key); unknown keys are added.
    static func cuerpo(_ cambios: [String: String?] = [:]) -> String {
        var campos: [(String, String)] = camposSeed.compactMap { key, value in
            guard let cambio = cambios[key] else { return (key, value) }
            return cambio.map { (key, $0) }
        }
        for (key, value) in cambios where !camposSeed.contains(where: { $0.0 == key }) {
            if let value { campos.append((key, value)) }
        }
        return "{" + campos.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Creates a solicitud with `cuerpo(cambios)` as `username`; the response.
    @discardableResult
    func crear(_ cambios: [String: String?] = [:], como username: String = "solicitante1") throws -> TestResponse {
        call(.post, "/solicitud", json: Self.cuerpo(cambios), token: try token(username))
    }

    /// Creates one and returns its id (the creation must succeed).
    func crearId(_ cambios: [String: String?] = [:], como username: String = "solicitante1") throws -> Int {
        let response = try crear(cambios, como: username)
        try #require(response.status == 201, "\(response.text)")
        return try #require(response.data?["Id"]?.intValue)
    }

    /// The code of a solicitud's current state, read from the table.
    func estado(_ id: Int) throws -> String? {
        try connection.queryFirst("""
            SELECT e.Codigo FROM Solicitud s JOIN EstadoSolicitud e ON e.Id = s.IdEstadoActual WHERE s.Id = \(id)
            """)?.string("Codigo")
    }

    /// The motivos of a solicitud's history rows, oldest first (active rows).
    func motivos(_ id: Int) throws -> [String] {
        try connection.query("""
            SELECT MotivoEstadoSolicitud FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id) AND Eliminado = 0 ORDER BY Id
            """).map { try $0.string("MotivoEstadoSolicitud") }
    }

    /// The outbox rows as (recipients, subject), in insertion order.
    func correos() throws -> [(to: String, subject: String)] {
        try connection.query("SELECT recipients, subject FROM mail_outbox ORDER BY id").map {
            (try $0.string("recipients"), try $0.string("subject"))
        }
    }

    /// The rows of every table a solicitud write touches, to prove that a refused request wrote nothing.
    func huella() throws -> [Int] {
        try ["Solicitud", "DetalleLugarSolicitud", "HistoricoEstadoSolicitud", "mail_outbox"].map {
            try count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \($0)"))
        } + [try count("SELECT CAST(COALESCE(SUM(Ultimo), 0) AS SIGNED) FROM CorrelativoSolicitud")]
    }

    /// Moves solicitud `id` to `estado` with the T4 procedure directly (the mission moves have no endpoint yet), at
    /// the harness clock's instant as the module would.
    func forzarEstado(_ id: Int, _ estado: String, motivo: String? = nil) throws {
        let repository = MariaDBSolicitudRepository(connection: connection, zone: module.environment.zone)
        _ = try connection.transaction {
            try repository.conInstante(clock.nowMilliseconds()) {
                try connection.execute("CALL cambiar_estado_solicitud(\(id), \(estado), \(motivo))")
            }
        }
    }

    /// A solicitud of solicitante1 (approver aprobador1) brought to `estado` through the procedure.
    func solicitudEn(_ estado: String) throws -> Int {
        let id = try crearId()
        let camino: [String: [String]] = [
            "PENDIENTE_APROBACION": [], "APROBADA": ["APROBADA"], "RECHAZADA": ["RECHAZADA"], "CANCELADA": ["CANCELADA"],
            "EN_PROCESO": ["APROBADA", "EN_PROCESO"], "COMPLETADA": ["APROBADA", "EN_PROCESO", "COMPLETADA"],
        ]
        for paso in try #require(camino[estado]) {
            try forzarEstado(id, paso, motivo: paso == "RECHAZADA" || paso == "CANCELADA" ? "Preparación de la prueba" : nil)
        }
        return id
    }

    /// How many history rows (active or not) solicitud `id` has.
    func historicos(_ id: Int) throws -> Int {
        try count("SELECT COUNT(*) FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id)")
    }
}
