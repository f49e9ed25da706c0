import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Ruling 7 on Monitor's lists: the filters of `GET /api/expedientes`, and `limit`/`offset` on it, on
/// `/api/checklist` and on `/api/levantamientos` (one shared declaration and parser, `ListQuery`).
@Suite("Lists: filters and paging (ruling 7)")
struct ListQueryTests {
    private static func ids(_ response: TestResponse, _ key: String = "no_siniestro") -> [String] {
        Rec.array(response.json).compactMap { item in
            item[key]?.stringValue ?? Rec.int(item[key]).map(String.init)
        }
    }

    /// Five expedientes: estados, insurers, dates (two on one day, one missing) and searchable texts.
    private static func seed(_ h: MonitorHarness, _ token: String) throws {
        #expect(h.createExpediente("SIN-100", token: token, extra: #""fecha_ingreso": "2024-01-10", "id_aseguradora": 1, "placas": "ABC-123", "nombre_cliente": "Juan García""#).status == 201)
        #expect(h.createExpediente("SIN-200", token: token, extra: #""fecha_ingreso": "2024-02-10", "id_aseguradora": 2, "placas": "XYZ-999", "nombre_cliente": "Ana 50% López""#).status == 201)
        #expect(h.createExpediente("SIN-300", token: token, extra: #""fecha_ingreso": "2024-02-10", "id_aseguradora": 1, "placas": "JUA-777""#).status == 201)
        #expect(h.createExpediente("OTRO_1", token: token, extra: #""fecha_ingreso": "2024-03-10""#).status == 201)
        #expect(h.createExpediente("OTROX1", token: token).status == 201)
        _ = try h.connection.execute("UPDATE expediente SET estado = 'Salida' WHERE no_siniestro IN ('SIN-100', 'SIN-300')")
    }

    @Test("each filter alone, then all combined; no parameter, or a full first page, is exactly today's list")
    func filters() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        try Self.seed(h, token)
        func list(_ query: String) -> [String] {
            let response = h.call(.get, "/api/expedientes?" + query, token: token)
            #expect(response.status == 200, "\(query): \(response.text)")
            return Self.ids(response)
        }
        let plain = h.call(.get, "/api/expedientes", token: token)
        #expect(Self.ids(plain) == ["OTROX1", "OTRO_1", "SIN-300", "SIN-200", "SIN-100"] || Self.ids(plain) == ["OTROX1", "OTRO_1", "SIN-200", "SIN-300", "SIN-100"])
        for same in ["limit=500", "offset=0", "q=", "otro=1"] {
            #expect(h.call(.get, "/api/expedientes?" + same, token: token).text == plain.text, "\(same)")
        }
        let all = Self.ids(plain)
        #expect(list("estado=Salida") == all.filter { ["SIN-100", "SIN-300"].contains($0) })
        #expect(list("estado=Restauracion") == [])
        #expect(list("aseguradora=1") == all.filter { ["SIN-100", "SIN-300"].contains($0) })
        #expect(list("aseguradora=99") == [])
        // Case-insensitive, over no_siniestro, placas and nombre_cliente.
        #expect(list("q=jua") == all.filter { ["SIN-100", "SIN-300"].contains($0) })
        #expect(list("q=xyz-9") == ["SIN-200"])
        #expect(list("q=sin-1") == ["SIN-100"])
        // % and _ are plain characters, not wildcards.
        #expect(list("q=50%25") == ["SIN-200"])
        #expect(list("q=%25") == ["SIN-200"])
        #expect(list("q=OTRO_") == ["OTRO_1"])
        #expect(list("desde=2024-02-10") == all.filter { ["OTRO_1", "SIN-200", "SIN-300"].contains($0) })
        #expect(list("hasta=2024-02-10") == all.filter { ["SIN-100", "SIN-200", "SIN-300"].contains($0) })
        #expect(list("desde=2024-02-10&hasta=2024-02-10") == all.filter { ["SIN-200", "SIN-300"].contains($0) })
        #expect(list("estado=Salida&aseguradora=1&q=JUA&desde=2024-02-01&hasta=2024-12-31") == ["SIN-300"])
        #expect(list("estado=Ingreso&desde=2024-01-01&limit=1&offset=1") == [all.filter { ["OTRO_1", "SIN-200"].contains($0) }[1]])
        // The items are the very resumen objects of the plain list.
        let one = h.call(.get, "/api/expedientes?q=SIN-200", token: token)
        #expect(Rec.array(one.json) == Rec.array(plain.json).filter { $0["no_siniestro"]?.stringValue == "SIN-200" })
    }

    @Test("paging the expedientes (ties on fecha_ingreso and missing dates included) never repeats or skips one")
    func expedientePaging() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        for index in 0..<11 {
            let date = index % 3 == 0 ? "" : #""fecha_ingreso": "2024-05-0\#(index % 2 + 1)""#
            #expect(h.createExpediente("P-\(index)", token: token, extra: date).status == 201)
        }
        let all = Self.ids(h.call(.get, "/api/expedientes", token: token))
        #expect(all.count == 11)
        for size in [1, 3, 4, 11] {
            var paged: [String] = []
            for offset in stride(from: 0, to: 13, by: size) {
                paged += Self.ids(h.call(.get, "/api/expedientes?limit=\(size)&offset=\(offset)", token: token))
            }
            #expect(paged == all, "limit \(size)")
        }
        #expect(Self.ids(h.call(.get, "/api/expedientes?offset=9", token: token)) == Array(all.suffix(2)))
        #expect(h.call(.get, "/api/expedientes?offset=11", token: token).text == "[]")
    }

    @Test("paging checklists and levantamientos: pages concatenate to the whole list, each with its own children")
    func recordPaging() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-A")
        try Rec.expediente(h, "SIN-B")
        for index in 0..<7 {
            let checklist = h.call(.post, "/api/checklist", json: #"{"no_siniestro":"SIN-A"}"#, token: tokens.tecnico)
            let id = try #require(Rec.int(checklist.json?["id"]))
            for item in 0..<(index % 3) {
                #expect(h.call(.post, "/api/checklist/\(id)/items", json: #"{"nombre_item":"i\#(item)"}"#, token: tokens.tecnico).status == 201)
            }
            let owner = index % 2 == 0 ? "SIN-A" : "SIN-B"
            let conceptos = (0..<(index % 3)).map { #"{"concepto":"c\#($0)"}"# }.joined(separator: ",")
            #expect(h.call(.post, "/api/levantamientos", json: #"{"no_siniestro":"\#(owner)","conceptos":[\#(conceptos)]}"#,
                           token: tokens.tecnico).status == 201)
        }
        for base in ["/api/checklist?", "/api/levantamientos?", "/api/levantamientos?no_siniestro=SIN-A&"] {
            let whole = h.call(.get, base, token: tokens.tecnico)
            #expect(whole.status == 200)
            for size in [1, 2, 5] {
                var items: [Input] = []
                for offset in stride(from: 0, to: 8, by: size) {
                    let page = h.call(.get, base + "limit=\(size)&offset=\(offset)", token: tokens.tecnico)
                    #expect(page.status == 200, "\(page.text)")
                    items += Rec.array(page.json)
                }
                #expect(Input.array(items) == whole.json, "\(base) limit \(size)")
            }
            #expect(h.call(.get, base + "offset=0", token: tokens.tecnico).text == whole.text)
        }
    }

    @Test("an invalid parameter is a 400 naming it, and nothing is written", arguments: [
        ("/api/expedientes?limit=abc", "limit"), ("/api/expedientes?limit=0", "limit"), ("/api/expedientes?limit=501", "limit"),
        ("/api/expedientes?limit=1.5", "limit"), ("/api/expedientes?limit=", "limit"), ("/api/expedientes?offset=-1", "offset"),
        ("/api/expedientes?offset=1e3", "offset"), ("/api/expedientes?estado=salida", "estado"), ("/api/expedientes?estado=", "estado"),
        ("/api/expedientes?aseguradora=AXA", "aseguradora"), ("/api/expedientes?aseguradora=0", "aseguradora"),
        ("/api/expedientes?desde=2024-02-30", "desde"), ("/api/expedientes?hasta=10/01/2024", "hasta"),
        ("/api/expedientes?desde=2024-03-01&hasta=2024-02-01", "desde"),
        ("/api/expedientes?q=" + String(repeating: "x", count: 101), "q"),
        ("/api/checklist?limit=x", "limit"), ("/api/checklist?offset=-2", "offset"),
        ("/api/levantamientos?limit=1000", "limit"), ("/api/levantamientos?no_siniestro=SIN-A&offset=x", "offset"),
    ])
    func invalid(path: String, parameter: String) throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.tecnico)
        try Rec.expediente(h, "SIN-A")
        let before = try h.footprint()
        let response = h.call(.get, path, token: token)
        #expect(response.status == 400, "\(response.text)")
        #expect(Rec.keys(response.json) == ["error"])
        #expect(response.json?["error"]?.stringValue?.hasPrefix(parameter) == true, "\(response.text)")
        #expect(try h.footprint() == before)
    }

    @Test("the OpenAPI document declares the shared paging on the three lists and the filters on expedientes")
    func declared() {
        let names = ListQuery.paging.map(\.name)
        #expect(names == ["limit", "offset"])
        #expect(ExpedienteOperations.listExpedientes.parameters.map(\.name) == ["estado", "aseguradora", "q", "desde", "hasta", "limit", "offset"])
        #expect(ChecklistOperations.listChecklists.parameters.map(\.name) == names)
        #expect(LevantamientoOperations.listLevantamientos.parameters.map(\.name) == ["no_siniestro"] + names)
    }
}
