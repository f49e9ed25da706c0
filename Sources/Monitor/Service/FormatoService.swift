import AppCore
import Foundation
import HTTPCore
import Logging
import Spreadsheet

/// The forms of monitor.md §4.10 and §7 (ruling M13): each is laid out from the expediente's current rows, written
/// with libxlsxwriter to a scratch file, stored as the expediente's `FORMATOS/<name>` in the module's file storage
/// (replacing the previous copy, which the cloud backup uploads with the evidence, §6.3) and answered as a download.
struct FormatoService {
    let expedientes: any ExpedienteRepository
    let checklists: any ChecklistRepository
    let levantamientos: any LevantamientoRepository
    let storage: EvidenceStorage
    /// Where libxlsxwriter writes a form before it is stored (the module's upload directory).
    let scratchDirectory: String
    let zone: ZoneRules
    let logger: Logger

    /// The form `formato` for the expediente `noSiniestro`: 404 when there is nothing to print, 500 when the
    /// file cannot be written. The checklist and levantamiento printed are the newest, as `GET …/siniestro/:no` shows.
    func generate(_ formato: Formato, noSiniestro: String) throws -> FormatoArchivo {
        guard let (record, sheet) = try layout(formato, noSiniestro: noSiniestro) else { throw formato.notFound }
        let key = record.text("no_siniestro").isEmpty ? noSiniestro : record.text("no_siniestro")
        do {
            let stored = storage.formatoKey(for: key, name: FormatoFileNames.stored(formato, noSiniestro: key))
            let bytes = try write(Workbook(sheets: [sheet]))
            try storage.files.put(stored, bytes: bytes)
            logger.info("Formato generado", metadata: ["formato": "\(formato.prefix)", "no_siniestro": "\(key)"])
            return FormatoArchivo(downloadName: FormatoFileNames.download(formato, noSiniestro: key), key: stored, bytes: bytes)
        } catch {
            logger.error("No se pudo generar el formato", metadata: [
                "formato": "\(formato.prefix)", "no_siniestro": "\(key)", "error": "\(String(reflecting: error))"])
            throw formato.failed
        }
    }

    /// Writes every form the expediente has into its `FORMATOS/` folder, for the cloud backup (§6.3 step 2): the
    /// EXPEDIENTE always (its failure is thrown), the checklist and levantamiento only when they exist.
    func writeAll(noSiniestro: String) throws -> [FormatoArchivo] {
        var written = [try generate(.expediente, noSiniestro: noSiniestro)]
        for formato in [Formato.checklist, .levantamiento] {
            do {
                written.append(try generate(formato, noSiniestro: noSiniestro))
            } catch let error as MonitorError where error == formato.notFound {
                continue
            }
        }
        return written
    }

    /// The row a form prints and its sheet, or nil when the row does not exist.
    private func layout(_ formato: Formato, noSiniestro: String) throws -> (FormatoRecord, Sheet)? {
        switch formato {
        case .expediente:
            guard let row = try expedientes.detail(noSiniestro: noSiniestro) else { return nil }
            let record = FormatoRecord(row)
            return (record, ExpedienteLayout.sheet(record, zone: zone))
        case .checklist:
            guard let row = try checklists.latest(noSiniestro: noSiniestro) else { return nil }
            let record = FormatoRecord(row)
            return (record, ChecklistLayout.sheet(record, logger: logger))
        case .levantamiento:
            guard let row = try levantamientos.latest(noSiniestro: noSiniestro) else { return nil }
            let record = FormatoRecord(row)
            return (record, LevantamientoLayout.sheet(record, logger: logger))
        }
    }

    /// The bytes of `workbook`, written by libxlsxwriter to a scratch file that is removed again. The stored copy is
    /// the application's only (on disk 0600 in a 0700 `FORMATOS/`): forms go out through the API, never nginx.
    private func write(_ workbook: Workbook) throws -> [UInt8] {
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = scratchDirectory + "/.formato-" + Hashing.randomHex(bytes: 8) + ".xlsx"
        defer { _ = unlink(temporary) }
        try workbook.write(to: temporary)
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: temporary)))
    }
}
