-- Cloud backup (monitor.md §4.11, §6.3, §6.4, §8.3; ruling M14).
--
-- backup_log replaces the original's logs/backup.log.json: the same entries {id, fecha, tipo, resultado,
-- detalle, usuario?}. id is "last id + 1" (1 when empty, so it restarts at 1 after clearing), not
-- AUTO_INCREMENT; the application keeps the newest 200.
--
-- backup_job is one row (id 1): the bulk job's progress (GET /api/backup/progreso), written by the process
-- that runs the job and read by every worker of every process, and the last nightly run's local date, which
-- a process claims with one UPDATE so the 02:00 run starts once per day across every host. Whether a job is
-- running is decided by the lock (GET_LOCK on a dedicated connection, held for the run), never by this row
-- alone: a process that dies mid-run releases the lock with its connection.

SET NAMES utf8mb4;

CREATE TABLE IF NOT EXISTS backup_log (
    id        INT          NOT NULL,
    fecha     DATETIME(3)  NOT NULL,
    tipo      VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    resultado VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    detalle   TEXT         NOT NULL,
    usuario   VARCHAR(255) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_backup_log_tipo CHECK (tipo IN ('Nube', 'Manual', 'Local')),
    CONSTRAINT ck_backup_log_resultado CHECK (resultado IN ('Exitoso', 'Parcial', 'Error'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS backup_job (
    id              TINYINT      NOT NULL,
    corriendo       TINYINT(1)   NOT NULL DEFAULT 0,
    total           INT          NOT NULL DEFAULT 0,
    procesados      INT          NOT NULL DEFAULT 0,
    subidas         INT          NOT NULL DEFAULT 0,
    fallidas        INT          NOT NULL DEFAULT 0,
    archivo_actual  TEXT         NULL,
    terminado_en    DATETIME(3)  NULL,
    error           TEXT         NULL,
    ultima_nocturna DATE         NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_backup_job_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO backup_job (id) VALUES (1);
