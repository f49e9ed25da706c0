-- Monitor module: every historial_estado row gets seq = its expediente's last seq + 1 (0007, issue 18).
--
-- A trigger, so every writer numbers the same way: cambiar_estado_expediente (0003), the creating transaction,
-- the development seed. Its read cannot lock (a trigger may not lock rows of its own table, 1442), so it relies
-- on what every writer does: the expediente row is locked (or just inserted) before the transaction's first
-- plain read, so the snapshot the read takes already holds every committed row of that expediente; a writer on
-- another node that numbered the same expediente meanwhile conflicts at certification (the unique key and the
-- expediente row), and its transaction is retried (T16). A row that comes with its seq keeps it.

DROP TRIGGER IF EXISTS historial_estado_seq;

DELIMITER //

CREATE TRIGGER historial_estado_seq BEFORE INSERT ON historial_estado FOR EACH ROW
BEGIN
    DECLARE v_ultimo INT DEFAULT 0;
    IF NEW.seq = 0 THEN
        SELECT COALESCE(MAX(seq), 0) INTO v_ultimo FROM historial_estado WHERE no_siniestro = NEW.no_siniestro;
        SET NEW.seq = v_ultimo + 1;
    END IF;
END//

DELIMITER ;
