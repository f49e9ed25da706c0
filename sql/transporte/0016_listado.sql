-- Transporte module: GET /solicitud costs the page, not the table (T13, issue 17).
--
--   mariadb <database> < sql/transporte/0016_listado.sql      (after 0003, 0015)
--
-- Why. A 10-minute soak writes ~20k solicitudes, and the list's cost grew with them: its total counted the whole
-- joined record (168 ms at 20k rows) and a requester's or approver's page sorted every row of that person. Two
-- changes, both safe on a table with data (the index builds are online; IF [NOT] EXISTS makes a rerun harmless):
--
-- 1. Indexes in the page's order for the scoped lists. The list is ORDER BY FechaHoraCreacion DESC, Id DESC
--    LIMIT n OFFSET m. An administrator's page reads ix_solicitud_lista (Eliminado, FechaHoraCreacion, Id)
--    backwards and stops after the page. A SOLICITANTE's (s.IdUsuarioSolicitante = perfil) had only
--    (IdUsuarioSolicitante, Eliminado), so MariaDB read all of that person's rows and sorted them (filesort) to
--    return twenty. With FechaHoraCreacion and Id after the equality columns the rows come out of the index in
--    order. The new keys start with the old keys' columns, so they also serve fk_solicitud_solicitante,
--    fk_solicitud_aprobador and the delete guards; the old keys are then redundant and dropped.
--
-- 2. The administrator's unfiltered total without counting. The total is in the contract and stays exact, but
--    COUNT(*) reads one index entry per active solicitud, however narrow the index (6 ms at 20k rows, growing).
--    ConteoSolicitud holds that number, kept by triggers in the same transaction as the row change, so every
--    snapshot sees the count of exactly the rows it sees:
--      * a solicitud counts while it is active (Eliminado = 0) and has its real code: a creation inserts its row
--        under a provisional code 'SOL-0000-00-…' (0015) and is counted when asignar_codigo_solicitud gives it
--        the real one, the step that already holds the correlative lock until COMMIT. So counting adds no lock
--        to a creation's INSERTs (taken there, the counter row would serialise creations over all their work);
--      * a soft delete (Eliminado 0 → 1) or a hard DELETE of a counted row subtracts one; an UPDATE that changes
--        neither leaves the counter row alone (no lock for an ordinary PUT);
--      * an INSERT with a real code (the development seed, data loaded by SQL) is counted at once.
--    Filtered and scoped lists still count their rows, over the narrowest index (no joins; see the repository).
--    TRUNCATE fires no trigger: whoever truncates Solicitud resets ConteoSolicitud too.

ALTER TABLE Solicitud
    ADD KEY IF NOT EXISTS ix_solicitud_solicitante_lista (IdUsuarioSolicitante, Eliminado, FechaHoraCreacion, Id),
    ADD KEY IF NOT EXISTS ix_solicitud_aprobador_lista (IdUsuarioAprobador, Eliminado, FechaHoraCreacion, Id);

ALTER TABLE Solicitud
    DROP KEY IF EXISTS ix_solicitud_solicitante,
    DROP KEY IF EXISTS ix_solicitud_aprobador;

CREATE TABLE IF NOT EXISTS ConteoSolicitud (
    -- One row, Id 1.
    Id      TINYINT NOT NULL,
    -- Active solicitudes with their real code: GET /solicitud's total for an administrator without filters.
    Activas INT     NOT NULL,
    PRIMARY KEY (Id),
    CONSTRAINT ck_conteosolicitud_id CHECK (Id = 1),
    CONSTRAINT ck_conteosolicitud_activas CHECK (Activas >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE TRIGGER IF NOT EXISTS trg_solicitud_conteo_insertar
    AFTER INSERT ON Solicitud
    FOR EACH ROW
BEGIN
    IF NEW.Eliminado = 0 AND NEW.CodigoSolicitud NOT LIKE 'SOL-0000-00-%' THEN
        UPDATE ConteoSolicitud SET Activas = Activas + 1 WHERE Id = 1;
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_solicitud_conteo_actualizar
    AFTER UPDATE ON Solicitud
    FOR EACH ROW
BEGIN
    DECLARE v_cambio INT DEFAULT (NEW.Eliminado = 0 AND NEW.CodigoSolicitud NOT LIKE 'SOL-0000-00-%')
                               - (OLD.Eliminado = 0 AND OLD.CodigoSolicitud NOT LIKE 'SOL-0000-00-%');
    IF v_cambio <> 0 THEN
        UPDATE ConteoSolicitud SET Activas = Activas + v_cambio WHERE Id = 1;
    END IF;
END//

CREATE TRIGGER IF NOT EXISTS trg_solicitud_conteo_eliminar
    AFTER DELETE ON Solicitud
    FOR EACH ROW
BEGIN
    IF OLD.Eliminado = 0 AND OLD.CodigoSolicitud NOT LIKE 'SOL-0000-00-%' THEN
        UPDATE ConteoSolicitud SET Activas = Activas - 1 WHERE Id = 1;
    END IF;
END//

DELIMITER ;

-- The starting count, on a database that may be serving (the triggers above exist first, and update nothing
-- until the row is there). Under the correlative lock of 0005, which every creation holds from the moment its row
-- gets its real code until its COMMIT: creations that got theirs earlier are committed when the lock is granted,
-- so the consistent read below sees them, and later ones find the row and count themselves.
START TRANSACTION;
SELECT Ultimo INTO @transporte_conteo_cerrojo FROM CorrelativoSolicitud WHERE Anio = 0 AND Mes = 0 FOR UPDATE;
SET @transporte_conteo_activas = (SELECT COUNT(*) FROM Solicitud
                                   WHERE Eliminado = 0 AND CodigoSolicitud NOT LIKE 'SOL-0000-00-%');
INSERT INTO ConteoSolicitud (Id, Activas) VALUES (1, @transporte_conteo_activas)
    ON DUPLICATE KEY UPDATE Activas = @transporte_conteo_activas;
COMMIT;
SET @transporte_conteo_cerrojo = NULL, @transporte_conteo_activas = NULL;
