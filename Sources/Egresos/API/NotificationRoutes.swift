import AppCore
import HTTPCore

/// The caller's notifications (egresos.md §2 #65, #66, §3.9, §7.4): any registered staff user.
struct NotificationRoutes {
    func register(in router: inout Router<EgresosContext>) {
        // #65: the caller's live notifications, newest first.
        router.add(CatalogOperations.notifications) { _, context in
            let notifications = try context.persistence.notifications.notifications(to: try context.staffCaller().user.id)
            return .json(.object([("notifications", .array(notifications.map(NotificationJSON.notification)))]))
        }

        // #66: marks one of the caller's notifications read (idempotent) → 204; someone else's → 404 4042.
        router.add(CatalogOperations.readNotification) { request, context in
            let caller = try context.staffCaller()
            let repository = context.persistence.notifications
            let input = try context.validate(request, EgresosEndpointRules.readNotification) { path in
                guard let id = EgresosInput.int(path, "notification_id"), try repository.recipient(of: id) == caller.user.id else {
                    throw Self.notFound
                }
            }
            guard let id = EgresosInput.int(input.path, "notification_id") else { throw Self.notFound }
            try repository.markRead(id: id, atMilliseconds: context.auth.clock.nowMilliseconds())
            return .noContent
        }
    }

    /// 404 `4042 Notification`, the same body as the path's `exists` failure, so that another user's
    /// notification is indistinguishable from a missing one.
    static let notFound = EgresosValidationError(failures: [
        ValidationFailure(field: "notification_id", code: 4042, values: ["model": "Notification"]),
    ])
}

/// The notification serializer (§5 item 17).
enum NotificationJSON {
    /// `id, status, type_of, read_at, deleted_at, mail_sended_at, to, from, quotation, supply, refund, message`
    /// + EXT `created_at`; instants ISO-8601 UTC with milliseconds, references as ids or null.
    static func notification(_ item: NotificationRecord) -> JSONValue {
        func instant(_ millis: Int64?) -> JSONValue { .optional(millis.map { ISO8601.format(utcMilliseconds: $0) }) }
        func id(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
        return .object([
            ("id", .integer(item.id)), ("status", .string(item.status)), ("type_of", .string(item.typeOf)),
            ("read_at", instant(item.readAt)), ("deleted_at", instant(item.deletedAt)),
            ("mail_sended_at", instant(item.mailSendedAt)), ("to", .integer(item.to)), ("from", id(item.from)),
            ("quotation", id(item.quotation)), ("supply", id(item.supply)), ("refund", id(item.refund)),
            ("message", .string(item.message)), ("created_at", instant(item.createdAt)),
        ])
    }
}
