@testable import Egresos
import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// #62, #63, #65, #66 (egresos.md §3.9) through the real responder and a seeded database.
@Suite("Egresos catalogues and notifications")
struct CatalogNotificationTests {
    static let notificationKeys = ["id", "status", "type_of", "read_at", "deleted_at", "mail_sended_at", "to", "from", "quotation",
                                   "supply", "refund", "message", "created_at"]

    @Test("#62 concepts: names by id, for any registered user; 401 without a token")
    func concepts() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let empty = h.call(.get, "/api/v1/catalogs/concepts", as: "empleado@element.com.mx")
        #expect(empty.status == 200 && empty.text == #"{"concepts":[]}"#)
        try h.database.connection.executeText("INSERT INTO concepts (name) VALUES ('Renta de camaras'), ('Comida y alimentos')")
        let list = h.call(.get, "/api/v1/catalogs/concepts", as: "empleado@element.com.mx")
        #expect(list.json?["concepts"]?.egItems?.compactMap(\.stringValue) == ["Renta de camaras", "Comida y alimentos"])
        let none = h.call(.get, "/api/v1/catalogs/concepts", as: .anonymous)
        #expect(none.status == 401 && none.errorCode == "4014")
        #expect(h.call(.get, "/api/v1/catalogs/concepts", as: "nadie@element.com.mx").errorCode == "4031")
        #expect(h.call(.post, "/api/v1/catalogs/concepts").errorCode == "4041")
    }

    @Test("#63 business activities: {id, name} by id, the doc's eight first")
    func businessActivities() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let response = h.call(.get, "/api/v1/catalogs/business_activities", as: "grouper@element.com.mx")
        #expect(response.status == 200)
        let items = response.json?["business_activities"]?.egItems ?? []
        #expect(items.first?.objectValue?.keys == ["id", "name"])
        let ids = items.map { egInt($0["id"]) ?? 0 }
        #expect(ids == Array(153...171))
        #expect(items.prefix(8).compactMap { $0["name"]?.stringValue } == [
            "Bolsas de plástico", "Calzado", "Cemento", "Cigarrillos", "Electrodomésticos", "Fábricas de autos",
            "Fábricas de ropa", "Fertilizantes",
        ])
    }

    @Test("#65 the caller's live notifications, newest first, keys of §5 item 17")
    func list() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let first = try h.notification(to: 4002, from: 4003,
                                       message: "Alfonso Jimenez ha creado una solicitud. Tu eres el responsable de su revisión.")
        try h.notification(to: 4003, from: 4002)
        let second = try h.notification(to: 4002, from: nil, status: "approved")
        let hidden = try h.notification(to: 4002, from: 4001)
        try h.database.connection.execute("UPDATE notifications SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(hidden)")
        let response = h.call(.get, "/api/v1/notifications", as: "rh@element.com.mx")
        #expect(response.status == 200)
        let items = response.json?["notifications"]?.egItems ?? []
        #expect(items.map { egInt($0["id"]) ?? 0 } == [second, first])
        #expect(items.last?.objectValue?.keys == Self.notificationKeys)
        let item = items.last
        #expect(item?["status"]?.stringValue == "submited" && item?["type_of"]?.stringValue == "quotation")
        #expect(item?["read_at"] == .null && item?["deleted_at"] == .null && item?["mail_sended_at"] == .null)
        #expect(egInt(item?["to"]) == 4002 && egInt(item?["from"]) == 4003)
        #expect(item?["quotation"] == .null && item?["supply"] == .null && item?["refund"] == .null)
        #expect(item?["message"]?.stringValue == "Alfonso Jimenez ha creado una solicitud. Tu eres el responsable de su revisión.")
        #expect(item?["created_at"]?.stringValue?.hasSuffix("Z") == true)
        #expect(items.first?["from"] == .null)
        #expect(h.call(.get, "/api/v1/notifications", as: "empleado@element.com.mx").text == #"{"notifications":[]}"#)
    }

    @Test("#66 read: 204, idempotent; someone else's, deleted or unknown → 404 4042 Notification, nothing written")
    func read() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        let mine = try h.notification(to: 4002, from: 4003)
        let theirs = try h.notification(to: 4003, from: 4002)
        let deleted = try h.notification(to: 4002, from: 4003)
        try h.database.connection.execute("UPDATE notifications SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(deleted)")
        let ok = h.call(.put, "/api/v1/notifications/\(mine)/read", as: "rh@element.com.mx")
        #expect(ok.status == 204 && ok.text.isEmpty)
        let readAt = h.call(.get, "/api/v1/notifications", as: "rh@element.com.mx").json?["notifications"]?.egItems?.first?["read_at"]
        #expect(readAt?.stringValue == "2026-12-01T12:00:00.000Z")
        h.clock.advance(seconds: 60)
        #expect(h.call(.put, "/api/v1/notifications/\(mine)/read", as: "rh@element.com.mx").status == 204)
        #expect(h.call(.get, "/api/v1/notifications", as: "rh@element.com.mx").json?["notifications"]?.egItems?.first?["read_at"] == readAt)
        for id in [theirs, deleted, 999_999] {
            let refused = h.call(.put, "/api/v1/notifications/\(id)/read", as: "rh@element.com.mx", language: "en")
            #expect(refused.status == 404 && refused.fieldErrors == ["notification_id:4042"])
            #expect(refused.json?["errors"]?.egItems?.first?["message"]?.stringValue == "The Notification instance was not found.")
        }
        // Even an admin cannot mark another user's notification.
        #expect(h.call(.put, "/api/v1/notifications/\(theirs)/read").status == 404)
        #expect(try h.count("SELECT COUNT(*) FROM notifications WHERE read_at IS NOT NULL") == 1)
        #expect(h.call(.put, "/api/v1/notifications/x/read", as: "rh@element.com.mx").errorCode == "4041")
        #expect(h.call(.put, "/api/v1/notifications/\(mine)/read", as: .anonymous).errorCode == "4014")
    }
}
