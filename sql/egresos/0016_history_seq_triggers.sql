-- Egresos module: every comment gets seq = its thread's last seq + 1, every notification its recipient's
-- last seq + 1 (0015, issue 18). Triggers, so every writer numbers the same way. The read cannot lock (a
-- trigger may not lock rows of its own table, 1442): a number read from a snapshot older than a concurrent
-- commit is a duplicate on the `…_seq` key, which TransactionRetry reruns with a fresh snapshot (T16), as it
-- does a certification conflict with another node. A row that comes with its seq keeps it.

DROP TRIGGER IF EXISTS trg_comments_seq;
DROP TRIGGER IF EXISTS trg_notifications_seq;

DELIMITER //

CREATE TRIGGER trg_comments_seq BEFORE INSERT ON comments FOR EACH ROW
BEGIN
    DECLARE v_ultimo INT DEFAULT 0;
    IF NEW.seq = 0 THEN
        IF NEW.quotation_id IS NOT NULL THEN
            SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM comments WHERE quotation_id = NEW.quotation_id;
        ELSEIF NEW.supplier_quotation_id IS NOT NULL THEN
            SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM comments
             WHERE supplier_quotation_id = NEW.supplier_quotation_id;
        ELSEIF NEW.supply_id IS NOT NULL THEN
            SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM comments WHERE supply_id = NEW.supply_id;
        ELSEIF NEW.refund_id IS NOT NULL THEN
            SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM comments WHERE refund_id = NEW.refund_id;
        END IF;
        SET NEW.seq = v_ultimo + 1;
    END IF;
END//

CREATE TRIGGER trg_notifications_seq BEFORE INSERT ON notifications FOR EACH ROW
BEGIN
    DECLARE v_ultimo INT DEFAULT 0;
    IF NEW.seq = 0 THEN
        SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM notifications WHERE `to` = NEW.`to`;
        SET NEW.seq = v_ultimo + 1;
    END IF;
END//

DELIMITER ;
