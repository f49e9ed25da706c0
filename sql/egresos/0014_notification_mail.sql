-- Egresos module: a notification's mail and its delivery stamp (egresos.md §7.4, ruling E9).
-- Conventions: see the header of 0001_users.sql.
--
-- A transition of §7.1/§7.2 writes each notification and, when MAIL_NOTIFICATIONS is on, its mail in the shared
-- outbox (0010) in the same transaction; notifications.mail_outbox_id names that outbox row (NULL: not mailed).
-- The outbox is shared code that knows nothing of notifications, so the stamp is taken here: when the sender
-- marks the row sent, trg_mail_outbox_notification_sent copies its sent_at into the notification's
-- mail_sended_at (once). A failed delivery leaves mail_sended_at NULL, and the request never depended on it.
-- No foreign key: the outbox is AppCore's table (identical in every module), and its rows are never deleted.

SET NAMES utf8mb4;

ALTER TABLE notifications
    ADD COLUMN IF NOT EXISTS mail_outbox_id BIGINT NULL AFTER mail_sended_at,
    ADD KEY IF NOT EXISTS ix_notifications_mail_outbox (mail_outbox_id);

CREATE TRIGGER IF NOT EXISTS trg_mail_outbox_notification_sent
    AFTER UPDATE ON mail_outbox
    FOR EACH ROW
    UPDATE notifications SET mail_sended_at = NEW.sent_at
     WHERE mail_outbox_id = NEW.id AND NEW.status = 'sent' AND mail_sended_at IS NULL;
