-- Transporte module: the version of the people's names and e-mails the solicitud record shows (issue 16).
--
--   mariadb <database> < sql/transporte/0026_version_personas.sql      (after 0001-0024)
--
-- Why. After 0022 the record statement of GET /solicitud/:id still opened five tables only for display values: the
-- requester's and the approver's Perfil and Usuario (`NombreSolicitante`, `EmailSolicitante`, `NombreAprobador`,
-- `EmailAprobador`) and the driver's Perfil of each mission (`NombreMotorista`): about 40 µs of MariaDB's CPU per
-- request, a third of the statement (measured, issue 16's note). Each serve process now keeps those values per Perfil
-- in memory (Transporte's `CatalogoNombres`, catalog `Perfil`: the name `CONCAT_WS(' ', Nombre1, Apellido1)` and the
-- e-mail `COALESCE(Perfil.Email, Usuario.Email)`), and the version the record needs comes from 0022's row, which
-- the statement already reads: this file adds its `Perfil` column and the triggers that keep it.
--
-- The contract is 0022's (read its header): the column changes in the same transaction as any change to what the
-- cache holds, so every snapshot that sees a change sees a higher number:
--   * every INSERT and DELETE of a Perfil adds one;
--   * an UPDATE of a Perfil adds one only when it changes its Id, Nombre1, Apellido1, Email or IdUsuario (a byte
--     comparison, BINARY ... <=>): a soft delete, the DUI, the department or the audit instants leave it alone;
--   * an UPDATE of a Usuario adds one only when it changes its Id or Email (the e-mail shown when the Perfil has
--     none): a login writes FechaHoraUltimoAcceso on every token and must neither lock the version row nor make any
--     process reload; a DELETE of a Usuario adds one. An INSERT of a Usuario changes nothing shown until a Perfil
--     names it, and that INSERT adds one.
-- TRUNCATE fires no trigger: whoever truncates Perfil or Usuario bumps the column by hand.
--
-- Galera: as 0022's. People are written rarely (administrators creating users and drivers); the logins that write
-- Usuario on every token do not touch the version row.

SET NAMES utf8mb4;

ALTER TABLE VersionCatalogo ADD COLUMN IF NOT EXISTS Perfil BIGINT NOT NULL DEFAULT 0;

DELIMITER //

-- Perfil: CONCAT_WS(' ', Nombre1, Apellido1), Email, and IdUsuario (whose Usuario's Email shows when Email is NULL).
CREATE TRIGGER IF NOT EXISTS trg_perfil_version_insertar AFTER INSERT ON Perfil
    FOR EACH ROW UPDATE VersionCatalogo SET Perfil = Perfil + 1 WHERE Id = 1//
CREATE TRIGGER IF NOT EXISTS trg_perfil_version_actualizar AFTER UPDATE ON Perfil
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Nombre1 <=> BINARY NEW.Nombre1
           AND BINARY OLD.Apellido1 <=> BINARY NEW.Apellido1
           AND BINARY OLD.Email <=> BINARY NEW.Email
           AND OLD.IdUsuario <=> NEW.IdUsuario) THEN
        UPDATE VersionCatalogo SET Perfil = Perfil + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_perfil_version_eliminar AFTER DELETE ON Perfil
    FOR EACH ROW UPDATE VersionCatalogo SET Perfil = Perfil + 1 WHERE Id = 1//

-- Usuario: Email (shown for a Perfil without one).
CREATE TRIGGER IF NOT EXISTS trg_usuario_version_actualizar AFTER UPDATE ON Usuario
    FOR EACH ROW
BEGIN
    IF NOT (OLD.Id <=> NEW.Id
           AND BINARY OLD.Email <=> BINARY NEW.Email) THEN
        UPDATE VersionCatalogo SET Perfil = Perfil + 1 WHERE Id = 1;
    END IF;
END//
CREATE TRIGGER IF NOT EXISTS trg_usuario_version_eliminar AFTER DELETE ON Usuario
    FOR EACH ROW UPDATE VersionCatalogo SET Perfil = Perfil + 1 WHERE Id = 1//

DELIMITER ;
