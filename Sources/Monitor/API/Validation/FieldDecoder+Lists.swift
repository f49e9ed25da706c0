import HTTPCore

extension FieldDecoder {
    /// Decodes `input` (the value of body key `key`) as a list of objects against `specs`. Errors name the element
    /// (`El campo 'items[2].valor' …`); the decoded values keep the plain column names. nil or `null` is an empty list.
    /// With `unknownKeys: .refused`, an element's undeclared key is a 400 naming it (`conceptos[0].x`).
    func decodeList(_ input: Input?, key: String, _ specs: [FieldSpec], unknownKeys: UnknownKeys = .ignored) throws -> [DecodedFields] {
        // Absent is an empty list (§4.8: bulk `items` absent → []); null is not a list (ruling 1: 400 naming the
        // field, where the original threw a 500, and a bulk replacement must not read it as "delete every item").
        guard let input else { return [] }
        let elements: [Input]
        switch input {
        case .array(let array): elements = array
        default: throw MonitorError(status: 400, "El campo '\(key)' debe ser una lista")
        }
        var result: [DecodedFields] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .object(let object) = element else {
                throw MonitorError(status: 400, "El campo '\(path)' debe ser un objeto")
            }
            if case .refused(let alsoAllowed) = unknownKeys {
                try Self.refuseUnknown(object, specs, alsoAllowed: alsoAllowed, prefix: path + ".")
            }
            var fields = DecodedFields(values: [])
            for spec in specs {
                guard let value = object[spec.name] else { continue }
                let named = FieldSpec("\(path).\(spec.name)", spec.kind, nullable: spec.nullable)
                fields.values.append((spec.name, try decode(value, named)))
            }
            result.append(fields)
        }
        return result
    }
}
