import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The list of `GET /api/expedientes` reads a page, not the table (issue 17): every filter combination the contract
/// offers runs the exact statement the repository sends under `ANALYZE FORMAT=JSON` on a table of some thousands of
/// expedientes, and must read its rows in the order of an index of migration 0006 (no filesort, no temporary table),
/// examining about a page of rows where the filters allow. A change to the list's ORDER BY, its conditions or the
/// indexes that brings back the sort of every expediente per page fails here, on any machine, without timing anything.
@Suite("Expedientes: the list's plan reads a page")
struct ExpedienteListPlanTests {
    /// Rows enough that a sort of the table and an index read of a page are far apart (a filesort examines them all).
    static let rows = 5_000

    /// A harness with `rows` expedientes: some without fecha_ingreso, fecha_ingreso over 30 days, fecha_creacion
    /// repeating every 700 rows (ties broken by no_siniestro), two estados and three aseguradoras.
    static func harness() throws -> MonitorHarness {
        let h = try MonitorHarness()
        let (admin, _) = try h.user(.administrador)
        try h.connection.executeText("""
            INSERT INTO expediente (no_siniestro, placas, nombre_cliente, fecha_ingreso, fecha_creacion, estado, \
            id_aseguradora, creado_por) \
            SELECT CONCAT('PLAN-', seq), CONCAT('P-', seq % 97), 'Cliente', \
            IF(seq % 50 = 0, NULL, DATE '2026-11-02' - INTERVAL seq % 30 DAY), \
            TIMESTAMP '2026-12-01 12:00:00' - INTERVAL seq % 700 SECOND, IF(seq % 2 = 0, 'Restauracion', 'Ingreso'), \
            (SELECT MIN(id) FROM aseguradora) + seq % 3, \(admin) FROM seq_1_to_\(rows)
            """)
        // Fresh statistics, as a server that has seen the table grow keeps them.
        try h.connection.executeText("ANALYZE TABLE expediente")
        return h
    }

    /// The table `e`'s entry of the plan and whether the plan sorts or builds a temporary table anywhere.
    struct Plan {
        var key: String?
        var examined: Double?
        var sorts = false
    }

    static func plan(_ filtro: ExpedienteFiltro, on h: MonitorHarness) throws -> Plan {
        let plan = try QueryPlan.analyze(MariaDBExpedienteRepository.summaryQuery(filtro), on: h.connection)
        return Plan(key: plan.tables["e"]?.key, examined: plan.tables["e"]?.examined, sorts: plan.sorts)
    }

    static func page(_ limit: Int, offset: Int = 0) -> ListPage { ListPage(limit: limit, offset: offset) }

    @Test("each filter reads in the order of its index, and a page examines about a page of rows")
    func plans() throws {
        let h = try Self.harness()
        let estado = ExpedienteFiltro(estado: .restauracion, page: Self.page(50))
        let aseguradora = ExpedienteFiltro(aseguradora: 2, page: Self.page(50))
        let desde = ExpedienteFiltro(desde: CivilDate(iso: "2026-10-20"), page: Self.page(50))
        // (filter, the index that serves it, most rows it may examine: nil where the filter decides, as a text search
        // or an upper date bound does; "any" where either of two indexes of 0006 serves it without a sort)
        let cases: [(ExpedienteFiltro, String, Double?)] = [
            (ExpedienteFiltro(page: Self.page(50)), "ix_expediente_lista", 50),
            (ExpedienteFiltro(page: Self.page(50, offset: 200)), "ix_expediente_lista", 250),
            (estado, "ix_expediente_estado", 50),
            (aseguradora, "ix_expediente_aseguradora", 50),
            (desde, "ix_expediente_lista", 50),
            (ExpedienteFiltro(hasta: CivilDate(iso: "2026-10-20"), page: Self.page(50)), "ix_expediente_lista", nil),
            (ExpedienteFiltro(estado: .ingreso, desde: CivilDate(iso: "2026-10-10"), hasta: CivilDate(iso: "2026-10-30"),
                              page: Self.page(50)), "any", nil),
            (ExpedienteFiltro(q: "p-1", page: Self.page(50)), "ix_expediente_lista", nil),
        ]
        for (filtro, index, most) in cases {
            let plan = try Self.plan(filtro, on: h)
            #expect(!plan.sorts, "\(filtro): the plan sorts")
            let indexes = index == "any" ? ["ix_expediente_lista", "ix_expediente_estado"] : [index]
            #expect(indexes.contains(plan.key ?? ""), "\(filtro): read by \(plan.key ?? "no index")")
            if let most {
                #expect((plan.examined ?? .infinity) <= most, "\(filtro): examined \(plan.examined ?? -1) rows")
            }
        }
    }

    @Test("the indexed order is the list's order: missing fecha_ingreso first, then newest, newest created, no_siniestro")
    func sameOrder() throws {
        let h = try Self.harness()
        let expected = try h.connection.query("""
            SELECT no_siniestro FROM expediente \
            ORDER BY fecha_ingreso IS NULL DESC, fecha_ingreso DESC, fecha_creacion DESC, no_siniestro
            """).map { try $0.string("no_siniestro") }
        for filtro in [ExpedienteFiltro(page: Self.page(ListPage.maximumLimit)),
                       ExpedienteFiltro(page: Self.page(500, offset: 2_000))] {
            let page = try #require(filtro.page)
            let listed = try h.connection.query(MariaDBExpedienteRepository.summaryQuery(filtro))
                .map { try $0.string("no_siniestro") }
            #expect(listed == Array(expected.dropFirst(page.offset).prefix(listed.count)))
            #expect(listed.count == min(Int(page.sqlLimit), expected.count - page.offset))
        }
    }
}
