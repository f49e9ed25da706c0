-- Egresos module: the concepts and business activities catalogues (egresos.md §3.9 #62/#63, §4, §6.6).
-- Conventions: see the header of 0001_users.sql. The business activity rows are in 0008.
--
-- concepts (§6.6): every concept string saved by a supplier quotation or an expense, once. "Unique
-- case-insensitively", exactly: name_key = LOWER(name) under a binary collation, with a UNIQUE index, so
-- 'Renta de camaras' and 'RENTA DE CAMARAS' collide but 'Renta de cámaras' is a different concept (the
-- table's unicode_ci collation would also fold accents). The first spelling is kept (#62 returns names by id):
--   INSERT IGNORE INTO concepts (name) VALUES (?)          -- or a pre-check on name_key = LOWER(?)
-- name_key is INVISIBLE, so SELECT * returns only id, name and the audit columns.
--
-- business_activities (#63): a reference list ordered by id. Suppliers' business_activity is free text and
-- is not checked against it (§3.9). Names are unique (case-insensitive).

SET NAMES utf8mb4;

CREATE TABLE IF NOT EXISTS concepts (
    id         INT          NOT NULL AUTO_INCREMENT,
    name       VARCHAR(512) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    name_key   VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (LOWER(name)) PERSISTENT INVISIBLE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_concepts_name_key (name_key),
    CONSTRAINT ck_concepts_name CHECK (name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_concepts_updated_at
    BEFORE UPDATE ON concepts
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

CREATE TABLE IF NOT EXISTS business_activities (
    id         INT          NOT NULL AUTO_INCREMENT,
    name       VARCHAR(255) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    UNIQUE KEY uq_business_activities_name (name),
    CONSTRAINT ck_business_activities_name CHECK (name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_business_activities_updated_at
    BEFORE UPDATE ON business_activities
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);
