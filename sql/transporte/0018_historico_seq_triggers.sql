-- Transporte module: every history row gets Seq = its solicitud's (mission's) last Seq + 1 (0017, issue 18).
--
-- Triggers, so every writer numbers the same way (the procedures of 0006 and 0014 are the only ones in the
-- product). The read cannot lock (a trigger may not lock rows of its own table, 1442): the procedures lock the
-- Solicitud (Mision) row FOR UPDATE before the history insert, and the services lock it before their first plain
-- read, so the snapshot the read uses holds every committed row of that parent. Should a snapshot still be
-- older (a duplicate on the `…_seq` key), TransactionRetry reruns the transaction with a fresh one. A writer on
-- another node conflicts at certification and is retried the same way (T16). A row that comes with its Seq
-- keeps it.

DROP TRIGGER IF EXISTS historico_solicitud_seq;
DROP TRIGGER IF EXISTS historico_mision_seq;

DELIMITER //

CREATE TRIGGER historico_solicitud_seq BEFORE INSERT ON HistoricoEstadoSolicitud FOR EACH ROW
BEGIN
    DECLARE v_ultimo INT DEFAULT 0;
    IF NEW.Seq = 0 THEN
        SELECT COALESCE(MAX(Seq), 0) INTO v_ultimo FROM HistoricoEstadoSolicitud WHERE IdSolicitud = NEW.IdSolicitud;
        SET NEW.Seq = v_ultimo + 1;
    END IF;
END//

CREATE TRIGGER historico_mision_seq BEFORE INSERT ON HistoricoEstadoMision FOR EACH ROW
BEGIN
    DECLARE v_ultimo INT DEFAULT 0;
    IF NEW.Seq = 0 THEN
        SELECT COALESCE(MAX(Seq), 0) INTO v_ultimo FROM HistoricoEstadoMision WHERE IdMision = NEW.IdMision;
        SET NEW.Seq = v_ultimo + 1;
    END IF;
END//

DELIMITER ;
