import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `/vehiculo` as transporte.md §9.1 describes it (the refusal and role sweeps of `CatalogRefusalTests` cover it
/// too), and the §10 delete guards that wait for vehicles.
@Suite("Vehículo (§9.1) and the catalog guards over vehicles")
struct VehiculoTests {
    static let body = #"{"placa": " p 503 067 ", "idClaseVehiculo": 1, "idEstadoVehiculo": 1, "marca": "Toyota", "modelo": "Hilux", "anio": 2022, "color": "Blanco", "capacidadCombustibleGalones": 21.5, "fechaVencimientoSeguro": "2027-01-31"}"#

    static func harness() throws -> (TransporteHarness, String) {
        let harness = try TransporteHarness(for: Flota.vehiculo)
        return (harness, try harness.token("admin"))
    }

    @Test("create stores the plate upper-case without spaces and answers the record with the class and state names")
    func create() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/vehiculo", json: Self.body, token: admin)
        #expect(created.status == 201 && created.message == "Vehículo creado exitosamente", "\(created.text)")
        let record = try #require(created.data)
        #expect(record["Placa"]?.stringValue == "P503067")
        #expect(record["NombreClaseVehiculo"]?.stringValue == "Flota" && record["NombreEstadoVehiculo"]?.stringValue == "Activo")
        #expect(record["KilometrajeActual"]?.intValue == 0 && record["Anio"]?.intValue == 2022)
        #expect(record["FechaVencimientoSeguro"]?.stringValue == "2027-01-31" && record["Eliminado"]?.boolValue == false)
        let id = try #require(record["Id"]?.intValue)
        let read = harness.call(.get, "/vehiculo/\(id)", token: try harness.token("solicitante1"))
        #expect(read.status == 200 && read.message == "Vehículo obtenido exitosamente" && read.data == record)
    }

    @Test("a plate held by an active vehicle is 409 with the §9.1 message, whatever its spelling")
    func duplicatePlate() throws {
        let (harness, admin) = try Self.harness()
        #expect(harness.call(.post, "/vehiculo", json: Self.body, token: admin).status == 201)
        let again = harness.call(.post, "/vehiculo", json: #"{"placa": "P503067", "idClaseVehiculo": 1, "idEstadoVehiculo": 1}"#,
                                 token: admin)
        #expect(again.status == 409 && again.message == "Ya existe un vehículo con la placa P503067", "\(again.text)")
        #expect(try harness.count("SELECT COUNT(*) FROM Vehiculo") == 1)
    }

    @Test("creating with a deleted vehicle's plate reactivates it: same Id, 201, the new data")
    func reactivation() throws {
        let (harness, admin) = try Self.harness()
        let id = try #require(harness.call(.post, "/vehiculo", json: Self.body, token: admin).data?["Id"]?.intValue)
        let deleted = harness.call(.delete, "/vehiculo/\(id)", token: admin)
        #expect(deleted.status == 200 && deleted.message == "Vehículo eliminado exitosamente")
        #expect(deleted.data?["mensaje"]?.stringValue == "Vehículo 'P503067' eliminado exitosamente")
        #expect(harness.call(.get, "/vehiculo/\(id)", token: admin).message == "Vehículo con Id \(id) no encontrado")
        let back = harness.call(.post, "/vehiculo", json: #"{"placa": "P503067", "idClaseVehiculo": 1, "idEstadoVehiculo": 1, "marca": "Nissan"}"#,
                                token: admin)
        #expect(back.status == 201 && back.data?["Id"]?.intValue == id, "\(back.text)")
        #expect(back.data?["Marca"]?.stringValue == "Nissan" && back.data?["Modelo"] == .null && back.data?["Eliminado"]?.boolValue == false)
        #expect(try harness.count("SELECT COUNT(*) FROM Vehiculo") == 1)
    }

    @Test("class, state, fuel, driver and department must exist and be active: 400 naming the field, nothing written")
    func references() throws {
        let (harness, admin) = try Self.harness()
        let cases: [(String, String, String)] = [
            ("idClaseVehiculo", "99", "La clase de vehículo con Id 99 no existe o está eliminada"),
            ("idEstadoVehiculo", "99", "El estado de vehículo con Id 99 no existe o está eliminado"),
            ("idTipoCombustible", "99", "El tipo de combustible con Id 99 no existe o está eliminado"),
            // Perfil 2 exists but is not a driver.
            ("idMotoristaPorDefecto", "2", "El motorista con Id 2 no existe o está eliminado"),
            ("idDepartamentoAsignado", "99", "El departamento con Id 99 no existe o está eliminado"),
        ]
        for (key, value, message) in cases {
            let sample = CatalogSample(Flota.vehiculo, seed: 1)
            let response = harness.call(.post, "/vehiculo", json: sample.body([key: value]), token: admin)
            #expect(response.status == 400 && response.errorFields == [key] && response.errorMessages == [message], "\(response.text)")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM Vehiculo") == 0)
    }

    @Test("a plate needs a letter or a digit and only letters, digits, '-' and spaces")
    func plateRules() throws {
        let (harness, admin) = try Self.harness()
        for plate in [#""   ""#, #""P-503_067""#, #""PLACÁ1""#, #""P\t503""#, #""--""#] {
            let response = harness.call(.post, "/vehiculo", json: CatalogSample(Flota.vehiculo, seed: 1).body(["placa": plate]), token: admin)
            #expect(response.status == 400 && response.errorFields == ["placa"], "\(plate): \(response.text)")
            #expect(response.errorMessages == [FieldDecoder.plateMessage])
        }
        #expect(try harness.count("SELECT COUNT(*) FROM Vehiculo") == 0)
    }

    @Test("list filters of §9.1: placa, marca, modelo, busqueda, idClaseVehiculo, idEstadoVehiculo")
    func filters() throws {
        let (harness, admin) = try Self.harness()
        _ = try harness.connection.execute("INSERT INTO EstadoVehiculo (Id, Codigo, Nombre, PermiteAsignacion) VALUES (2, 'TALLER', 'En taller', 0)")
        #expect(harness.call(.post, "/vehiculo", json: Self.body, token: admin).status == 201)
        #expect(harness.call(.post, "/vehiculo", json: #"{"placa": "N-1234", "idClaseVehiculo": 1, "idEstadoVehiculo": 2, "marca": "Nissan", "modelo": "Frontier", "color": "Gris"}"#,
                             token: admin).status == 201)
        let reader = try harness.token("aprobador1")
        func plates(_ query: String) -> [String] {
            harness.call(.get, "/vehiculo/todos/lista" + query, token: reader).data?.arrayValue?.compactMap { $0["Placa"]?.stringValue } ?? []
        }
        #expect(plates("") == ["N-1234", "P503067"])
        #expect(plates("?placa=p50") == ["P503067"])
        #expect(plates("?marca=niss") == ["N-1234"])
        #expect(plates("?modelo=HIL") == ["P503067"])
        #expect(plates("?busqueda=gris") == ["N-1234"])
        #expect(plates("?busqueda=n-12") == ["N-1234"])
        #expect(plates("?idEstadoVehiculo=2") == ["N-1234"])
        #expect(plates("?idClaseVehiculo=1&idEstadoVehiculo=1") == ["P503067"])
        let page = harness.call(.get, "/vehiculo?pagina=2&por_pagina=1", token: reader)
        #expect(page.status == 200 && page.message == "Listado de vehículos obtenido exitosamente")
        #expect(page.data?["total"]?.intValue == 2 && page.data?["registros"]?.arrayValue?.first?["Placa"]?.stringValue == "P503067")
        #expect(harness.call(.get, "/vehiculo/todos/lista", token: reader).message == "Listado completo de vehículos obtenido exitosamente")
        let bad = harness.call(.get, "/vehiculo?idClaseVehiculo=uno", token: reader)
        #expect(bad.status == 400 && bad.errorFields == ["idClaseVehiculo"])
    }

    @Test("PUT changes only what is sent; a plate taken by another active vehicle is 409")
    func update() throws {
        let (harness, admin) = try Self.harness()
        let id = try #require(harness.call(.post, "/vehiculo", json: Self.body, token: admin).data?["Id"]?.intValue)
        let updated = harness.call(.put, "/vehiculo/\(id)", json: #"{"kilometrajeActual": 1500, "color": null, "placa": "p503067"}"#, token: admin)
        #expect(updated.status == 200 && updated.message == "Vehículo actualizado exitosamente", "\(updated.text)")
        #expect(updated.data?["KilometrajeActual"]?.intValue == 1500 && updated.data?["Color"] == .null)
        #expect(updated.data?["Marca"]?.stringValue == "Toyota" && updated.data?["Placa"]?.stringValue == "P503067")
        #expect(harness.call(.put, "/vehiculo/\(id)", json: #"{"kilometrajeActual": null}"#, token: admin).errorFields == ["kilometrajeActual"])
        #expect(harness.call(.put, "/vehiculo/\(id)", json: #"{"placa": "N1"}"#, token: admin).status == 200)
        let other = try #require(harness.call(.post, "/vehiculo", json: Self.body, token: admin).data?["Id"]?.intValue)
        let clash = harness.call(.put, "/vehiculo/\(other)", json: #"{"placa": "n 1"}"#, token: admin)
        #expect(clash.status == 409 && clash.message == "Ya existe un vehículo con la placa N1")
    }

    @Test("estado-vehiculo, clase-vehiculo, tipo-combustible and departamento used by an active vehicle cannot be deleted",
          arguments: [
              ("estado-vehiculo", "idEstadoVehiculo", "No se puede eliminar este estado de vehículo porque tiene vehículos activos asociados"),
              ("clase-vehiculo", "idClaseVehiculo", "No se puede eliminar esta clase de vehículo porque tiene vehículos activos asociados"),
              ("tipo-combustible", "idTipoCombustible", "No se puede eliminar este tipo de combustible porque tiene vehículos activos asociados"),
              ("departamento", "idDepartamentoAsignado", "No se puede eliminar este departamento porque tiene vehículos activos asignados"),
          ])
    func guards(_ prefix: String, _ key: String, _ message: String) throws {
        let (harness, admin) = try Self.harness()
        let catalog = try #require(Catalogs.named(prefix))
        let id = try #require(try harness.create(CatalogSample(catalog, seed: 7), token: admin)["Id"]?.intValue)
        let vehicle = try #require(harness.call(.post, "/vehiculo", json: CatalogSample(Flota.vehiculo, seed: 1).body([key: String(id)]),
                                                token: admin).data?["Id"]?.intValue)
        let snapshot = try harness.snapshot(catalog)
        let refused = harness.call(.delete, "/\(prefix)/\(id)", token: admin)
        #expect(refused.status == 409 && refused.message == message, "\(refused.text)")
        #expect(try harness.snapshot(catalog) == snapshot)
        #expect(harness.call(.delete, "/vehiculo/\(vehicle)", token: admin).status == 200)
        let allowed = harness.call(.delete, "/\(prefix)/\(id)", token: admin)
        #expect(allowed.status == 200, "\(allowed.text)")
    }
}
