/// The insurer logos of the EXPEDIENTE form (§7): our own small PNGs (`Formatos/Logos/`), compiled into the binary.
enum InsurerLogo {
    /// The PNG for an aseguradora named exactly `AXA`, `HDI` or `Qualitas`; nil for any other name.
    static func png(forAseguradora nombre: String) -> [UInt8]? {
        switch nombre {
        case "AXA": return PackageResources.axa_png
        case "HDI": return PackageResources.hdi_png
        case "Qualitas": return PackageResources.qualitas_png
        default: return nil
        }
    }
}
