import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `/lugar`: coordinates, the upper-case type, the optional code (transporte.md §3.1, §10).
@Suite("Catalogs: lugar")
struct CatalogLugarTests {
    @Test("latitud and longitud stay within −90..90 and −180..180; the limits themselves are accepted")
    func coordinates() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let rows = try harness.count("SELECT COUNT(*) FROM Lugares")
        let outside = harness.call(.post, "/lugar", json: #"{"nombre": "Fuera", "latitud": 90.0001, "longitud": -180.5}"#, token: admin)
        #expect(outside.status == 400 && outside.errorFields == ["latitud", "longitud"])
        #expect(outside.errorMessages == ["El campo 'latitud' debe ser menor o igual al máximo permitido",
                                          "El campo 'longitud' debe ser mayor o igual al mínimo permitido"])
        let text = harness.call(.post, "/lugar", json: #"{"nombre": "Texto", "latitud": "norte"}"#, token: admin)
        #expect(text.status == 400 && text.errorMessages == ["El campo 'latitud' debe ser un número"])
        #expect(try harness.count("SELECT COUNT(*) FROM Lugares") == rows)
        let edge = harness.call(.post, "/lugar", json: #"{"nombre": "Borde", "latitud": -90, "longitud": 180}"#, token: admin)
        #expect(edge.status == 201 && edge.data?["Latitud"] == .number("-90") && edge.data?["Longitud"] == .number("180"))
        let precise = harness.call(.post, "/lugar", json: #"{"nombre": "Preciso", "latitud": 13.70601234567891}"#, token: admin)
        #expect(precise.data?["Latitud"] == .number("13.70601234567891"), "a DOUBLE keeps the number as sent")
    }

    @Test("tipoLugar is stored upper-case and filtered exactly; esPuntoFrecuente filters; busqueda covers the address")
    func typeAndFilters() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let created = harness.call(.post, "/lugar", json: #"{"nombre": "Oficina de enlace", "tipoLugar": "  oficina regional "}"#,
                                   token: admin)
        #expect(created.status == 201 && created.data?["TipoLugar"]?.stringValue == "OFICINA REGIONAL")
        func codes(_ query: String) -> [String] {
            harness.call(.get, "/lugar/todos/lista?\(query)", token: admin).data?.arrayValue?.compactMap { $0["Codigo"]?.stringValue } ?? []
        }
        #expect(codes("tipoLugar=oficina") == ["REGIONAL_NORTE", "REGIONAL_OCCIDENTE", "REGIONAL_ORIENTE", "SEDE_CENTRAL"])
        #expect(codes("esPuntoFrecuente=true") == ["CSJ", "REGIONAL_OCCIDENTE", "SEDE_CENTRAL"])
        #expect(codes("esPuntoFrecuente=true&tipoLugar=OFICINA") == ["REGIONAL_OCCIDENTE", "SEDE_CENTRAL"])
        // The document says boolean: a query spells it true or false, as JSON does (ruling 10).
        let digit = harness.call(.get, "/lugar/todos/lista?esPuntoFrecuente=1", token: admin)
        #expect(digit.status == 400 && digit.errorFields == ["esPuntoFrecuente"])
        #expect(codes("busqueda=san+miguel") == ["REGIONAL_ORIENTE"])
        #expect(codes("busqueda=corte+suprema") == ["CSJ"])
        #expect(codes("busqueda=corte_suprema") == [], "_ is a literal character, not LIKE's wildcard")
        #expect(codes("busqueda=aeropuerto_sal") == ["AEROPUERTO_SAL"])
        let updated = harness.call(.put, "/lugar/1", json: #"{"tipoLugar": "sede"}"#, token: admin)
        #expect(updated.data?["TipoLugar"]?.stringValue == "SEDE")
    }

    @Test("the code is optional: many places without one; a given one is unique among active places")
    func optionalCode() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        for nombre in ["Sin código 1", "Sin código 2"] {
            let response = harness.call(.post, "/lugar", json: #"{"nombre": "\#(nombre)", "codigo": "  "}"#, token: admin)
            #expect(response.status == 201 && response.data?["Codigo"] == .null)
        }
        let taken = harness.call(.post, "/lugar", json: #"{"nombre": "Otra corte", "codigo": "csj"}"#, token: admin)
        #expect(taken.status == 409 && taken.message == "Ya existe un lugar con el código 'CSJ'")
        let cleared = harness.call(.put, "/lugar/2", json: #"{"codigo": null}"#, token: admin)
        #expect(cleared.status == 200 && cleared.data?["Codigo"] == .null)
        #expect(harness.call(.post, "/lugar", json: #"{"nombre": "Otra corte", "codigo": "csj"}"#, token: admin).status == 201)
    }

    @Test("observaciones is TEXT: 65,535 bytes, whatever the characters")
    func observaciones() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let long = harness.call(.post, "/lugar", json: #"{"nombre": "Largo", "observaciones": "\#(String(repeating: "é", count: 32_768))"}"#,
                                token: admin)
        #expect(long.status == 400 && long.errorMessages == ["El campo 'observaciones' excede la longitud máxima permitida"])
        let fits = harness.call(.post, "/lugar", json: #"{"nombre": "Largo", "observaciones": "\#(String(repeating: "é", count: 32_767))"}"#,
                                token: admin)
        #expect(fits.status == 201)
    }
}
