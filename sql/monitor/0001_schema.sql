-- Monitor module: schema (monitor.md §3, rulings 2, 3, 5, M1-M10).
--
-- Apply with the mariadb CLI to the Monitor database (the file neither creates nor selects a database):
--   mariadb <database> < sql/monitor/0001_schema.sql
-- Re-running is harmless (IF NOT EXISTS everywhere), but it does not alter tables that already exist.
--
-- Conventions that apply to every table below:
-- * InnoDB, utf8mb4 / utf8mb4_unicode_ci, set per table so the result does not depend on the server's
--   or the database's defaults.
-- * Calendar dates (expediente fechas, checklist/levantamiento/comentario fecha) are DATE: they are days,
--   not instants, and the API renders them as "YYYY-MM-DDT12:00:00.000Z" (rulings M3, M9).
-- * Instants are DATETIME(3) holding UTC (ruling 3). DATETIME rather than TIMESTAMP so the stored value
--   never depends on the session time_zone, and (3) because the API returns milliseconds (M3).
--   Server-side defaults use UTC_TIMESTAMP(3), which ignores the session time zone.
--   Wall-clock values in America/Mexico_City (comentario fecha/hora) are supplied by the application,
--   which knows the configured zone. The database has no default for them on purpose, so a missing value
--   fails loudly instead of silently taking the server's zone.
-- * Closed vocabularies (estado, rol, ubicacion_almacenamiento) are VARCHAR + CHECK, not ENUM: ENUM
--   coerces bad values to '' outside strict mode and sorts by index. These columns use utf8mb4_bin
--   because under utf8mb4_unicode_ci the CHECK would accept 'salida', 'TECNICO' or 'Técnico'
--   (case- and accent-insensitive comparison) and store them as sent.
-- * Identifiers that users type (usuario.username, expediente.no_siniestro and every column referencing
--   it) are utf8mb4_bin, i.e. case-sensitive and accent-sensitive, as in the original (PostgreSQL text
--   comparison): 'SIN-1' and 'sin-1' are distinct claims, 'Admin' and 'admin' distinct users.
--   FK columns must have exactly the collation of the column they reference.
-- * Booleans are BOOLEAN (TINYINT(1)) with a CHECK (col IN (0,1)) so that a row can always be rendered as
--   JSON true/false/null.
-- * Money is DECIMAL(14,2): exact, and round-trips the documented "3500.00". MariaDB silently rounds
--   extra decimals (only a Note 1265, even in strict mode), so the application must reject a value with
--   more than 2 decimals or more than 12 integer digits with a 400 naming the field (ruling 5: no silent
--   data loss).
-- * VARCHAR lengths replace the original's unbounded varchar. A longer value is an error in strict mode
--   (1406), so the application validates lengths and answers 400 naming the field (ruling 1).
-- * Deletes: everything hanging off an expediente cascades (ruling M6: comentarios, evidencias, historial,
--   levantamientos + conceptos, checklists + items). References to usuario are RESTRICT, so deleting a user
--   who is still referenced fails with ER_ROW_IS_REFERENCED_2 (1451), which the application maps to
--   409 "No se puede eliminar el usuario porque tiene registros asociados" (ruling M10).
--   References to aseguradora are RESTRICT (no API deletes insurers, and an expediente must not silently
--   lose its insurer).
-- * ON UPDATE RESTRICT for no_siniestro references: the API never renames an expediente (M2), and evidence
--   paths / cloud keys may embed the claim number, so a rename at the database level must fail rather
--   than desynchronise them.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS usuario (
    id            INT          NOT NULL AUTO_INCREMENT,
    nombre        VARCHAR(255) NULL,
    username      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- bcrypt "$2b$10$..." is 60 characters. 255 leaves room for a future cost or algorithm change.
    password_hash VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    rol           VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_usuario_username (username),
    -- The original's db/monitor.sql CHECK (username !~ '\s'): no whitespace anywhere. Also not empty.
    CONSTRAINT ck_usuario_username CHECK (username <> '' AND username NOT REGEXP '[[:space:]]'),
    -- Stored without accent. The API accepts 'Técnico' on input and stores 'Tecnico' (ruling M5).
    CONSTRAINT ck_usuario_rol CHECK (rol IN ('Administrador', 'Operador', 'Tecnico'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS aseguradora (
    id     INT          NOT NULL AUTO_INCREMENT,
    nombre VARCHAR(255) NULL,
    -- PNG logo (bytea in the original). Never returned by the API. MEDIUMBLOB (16 MB) because BLOB's
    -- 64 KB is too small for some logos.
    logo   MEDIUMBLOB   NULL,
    PRIMARY KEY (id),
    -- The seeding (0002 and the start-up logo filler) identifies insurers by name, so names are unique.
    UNIQUE KEY uq_aseguradora_nombre (nombre),
    -- GET /api/expedientes/aseguradoras orders by nombre. The unique key above serves that.
    CONSTRAINT ck_aseguradora_nombre CHECK (nombre IS NULL OR nombre <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Field list: exactly the fields of seeds 000/001, plus fecha_entrega (a column of the original that
-- M1/M2 make writable) and the server-managed estado, ubicacion_almacenamiento, creado_por.
-- fecha_creacion / fecha_actualizacion are bookkeeping for this product only. They are NOT part of the
-- expediente JSON (the seeds list every returned field), so the application selects columns explicitly.
CREATE TABLE IF NOT EXISTS expediente (
    -- Trimmed by the application before insert (M1). 100 characters is far above any real claim number
    -- and keeps the key (and the six FK indexes on it) small.
    no_siniestro               VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,

    factura                    VARCHAR(255) NULL,
    orden                      VARCHAR(255) NULL,
    asesor                     VARCHAR(255) NULL,

    fecha_ingreso              DATE         NULL,
    fecha_valuacion            DATE         NULL,
    fecha_autorizacion         DATE         NULL,
    fecha_pzas_completas       DATE         NULL,
    fecha_entrega              DATE         NULL,
    -- Date the unit was finished. Required (non-null) before estado can become Salida (§4.5).
    unidad_terminada           DATE         NULL,

    tecnico                    VARCHAR(255) NULL,
    mecanico                   VARCHAR(255) NULL,
    -- "Free-text vehicle description (VIN, additional notes, etc.)" per seed 000, so TEXT, not VARCHAR.
    vehiculo                   TEXT         NULL,
    observaciones              TEXT         NULL,

    marca                      VARCHAR(255) NULL,
    modelo                     VARCHAR(255) NULL,
    tipo                       VARCHAR(255) NULL,
    color                      VARCHAR(255) NULL,
    placas                     VARCHAR(255) NULL,

    nombre_cliente             VARCHAR(255) NULL,
    telefono_cliente           VARCHAR(255) NULL,
    correo_cliente             VARCHAR(255) NULL,

    -- Four free-text follow-up notes, each with its own instant. varchar(500) as in the original and seed.
    dato1                      VARCHAR(500) NULL,
    dato1_fecha_hora           DATETIME(3)  NULL,
    dato2                      VARCHAR(500) NULL,
    dato2_fecha_hora           DATETIME(3)  NULL,
    dato3                      VARCHAR(500) NULL,
    dato3_fecha_hora           DATETIME(3)  NULL,
    dato4                      VARCHAR(500) NULL,
    dato4_fecha_hora           DATETIME(3)  NULL,

    comentarios_aseguradora    TEXT         NULL,
    comentarios_aseguradora_fh DATETIME(3)  NULL,

    -- Document checkboxes. NULL means "not yet confirmed" (seed 000), distinct from false.
    doc_orden_admision         BOOLEAN      NULL,
    doc_identificacion         BOOLEAN      NULL,
    doc_tarjeta_circulacion    BOOLEAN      NULL,
    doc_caratula_poliza        BOOLEAN      NULL,
    doc_carta_reparacion       BOOLEAN      NULL,
    doc_comprobante_deducible  BOOLEAN      NULL,
    doc_finiquito              BOOLEAN      NULL,
    doc_encuesta_servicio      BOOLEAN      NULL,

    -- Changed only by creation ('Ingreso') and by the procedure cambiar_estado_expediente (0003, M4).
    estado                     VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'Ingreso',
    -- 'Nube' once the evidence has been backed up to the S3 target (§6.2). Server-managed.
    ubicacion_almacenamiento   VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'Local',
    id_aseguradora             INT          NULL,
    creado_por                 INT          NULL,

    fecha_creacion             DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    -- Maintained by trigger trg_expediente_fecha_actualizacion below (ON UPDATE CURRENT_TIMESTAMP would
    -- follow the session time zone, not UTC).
    fecha_actualizacion        DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),

    PRIMARY KEY (no_siniestro),

    -- List endpoints (§4.4): all, ordered by fecha_ingreso desc.
    KEY ix_expediente_fecha_ingreso (fecha_ingreso),
    -- Filter by estado (Salida checks, backups), ordered by fecha_ingreso.
    KEY ix_expediente_estado (estado, fecha_ingreso),
    -- /pendientes (Local + Salida), /nube (Nube), /diagnostico/sync-pendientes (Local).
    KEY ix_expediente_ubicacion_estado (ubicacion_almacenamiento, estado),
    -- Recently created expedientes.
    KEY ix_expediente_fecha_creacion (fecha_creacion),
    -- Filter by insurer, also the FK index.
    KEY ix_expediente_aseguradora (id_aseguradora, fecha_ingreso),
    KEY ix_expediente_creado_por (creado_por),

    CONSTRAINT ck_expediente_no_siniestro CHECK (no_siniestro <> ''),
    CONSTRAINT ck_expediente_estado
        CHECK (estado IN ('Ingreso', 'Restauracion', 'Pendiente_de_salida', 'Salida')),
    CONSTRAINT ck_expediente_ubicacion CHECK (ubicacion_almacenamiento IN ('Local', 'Nube')),
    CONSTRAINT ck_expediente_doc_orden_admision        CHECK (doc_orden_admision IN (0, 1)),
    CONSTRAINT ck_expediente_doc_identificacion        CHECK (doc_identificacion IN (0, 1)),
    CONSTRAINT ck_expediente_doc_tarjeta_circulacion   CHECK (doc_tarjeta_circulacion IN (0, 1)),
    CONSTRAINT ck_expediente_doc_caratula_poliza       CHECK (doc_caratula_poliza IN (0, 1)),
    CONSTRAINT ck_expediente_doc_carta_reparacion      CHECK (doc_carta_reparacion IN (0, 1)),
    CONSTRAINT ck_expediente_doc_comprobante_deducible CHECK (doc_comprobante_deducible IN (0, 1)),
    CONSTRAINT ck_expediente_doc_finiquito             CHECK (doc_finiquito IN (0, 1)),
    CONSTRAINT ck_expediente_doc_encuesta_servicio     CHECK (doc_encuesta_servicio IN (0, 1)),

    CONSTRAINT fk_expediente_aseguradora FOREIGN KEY (id_aseguradora)
        REFERENCES aseguradora (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_expediente_creado_por FOREIGN KEY (creado_por)
        REFERENCES usuario (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A single-statement trigger body (no BEGIN/END), so this file needs no DELIMITER.
CREATE TRIGGER IF NOT EXISTS trg_expediente_fecha_actualizacion
    BEFORE UPDATE ON expediente
    FOR EACH ROW SET NEW.fecha_actualizacion = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
-- Append-only audit of estado changes (§5). Written only by expediente creation (estado_anterior NULL,
-- estado_nuevo 'Ingreso', same transaction as the INSERT, M1) and by cambiar_estado_expediente (0003).
CREATE TABLE IF NOT EXISTS historial_estado (
    id              INT          NOT NULL AUTO_INCREMENT,
    no_siniestro    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    estado_anterior VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    estado_nuevo    VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    fecha_cambio    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    -- NULL only for rows written without a user (none in the product). Kept nullable as in the original.
    cambiado_por    INT          NULL,
    PRIMARY KEY (id),
    -- GET .../estado/historial and the expediente detail: rows of one expediente, fecha_cambio desc.
    -- id is the tie-breaker for rows written within the same millisecond.
    KEY ix_historial_expediente_fecha (no_siniestro, fecha_cambio, id),
    -- /api/diagnostico/historial-reciente: last 20 rows over all expedientes.
    KEY ix_historial_fecha (fecha_cambio),
    KEY ix_historial_cambiado_por (cambiado_por),
    CONSTRAINT ck_historial_estado_anterior
        CHECK (estado_anterior IN ('Ingreso', 'Restauracion', 'Pendiente_de_salida', 'Salida')),
    CONSTRAINT ck_historial_estado_nuevo
        CHECK (estado_nuevo IN ('Ingreso', 'Restauracion', 'Pendiente_de_salida', 'Salida')),
    -- A transition always changes the estado (§4.5 refuses "same as current").
    CONSTRAINT ck_historial_cambio CHECK (estado_anterior IS NULL OR estado_anterior <> estado_nuevo),
    CONSTRAINT fk_historial_expediente FOREIGN KEY (no_siniestro)
        REFERENCES expediente (no_siniestro) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_historial_usuario FOREIGN KEY (cambiado_por)
        REFERENCES usuario (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Rows cascade with the expediente. The files themselves (disk and S3) are removed by the application
-- after commit (M6, M8), so it must read the ruta values before deleting the expediente.
CREATE TABLE IF NOT EXISTS evidencia (
    id                       INT          NOT NULL AUTO_INCREMENT,
    no_siniestro             VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- 'documento' or 'evidencia' when written by the product. Older data may hold a MIME type (§12.3),
    -- so no CHECK.
    tipo                     VARCHAR(255) NULL,
    -- The file name the client uploaded, for display only. The stored name is random (M7).
    nombre_archivo           VARCHAR(255) NULL,
    ruta                     TEXT         NULL,
    fecha_carga              DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    ubicacion_almacenamiento VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'Local',
    subido_por               INT          NULL,
    PRIMARY KEY (id),
    -- GET .../evidencias: one expediente's rows ordered by fecha_carga desc. Also the FK index.
    KEY ix_evidencia_expediente_fecha (no_siniestro, fecha_carga),
    -- Backup status counts (local vs nube).
    KEY ix_evidencia_ubicacion (ubicacion_almacenamiento),
    KEY ix_evidencia_subido_por (subido_por),
    CONSTRAINT ck_evidencia_ubicacion CHECK (ubicacion_almacenamiento IN ('Local', 'Nube')),
    CONSTRAINT fk_evidencia_expediente FOREIGN KEY (no_siniestro)
        REFERENCES expediente (no_siniestro) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_evidencia_usuario FOREIGN KEY (subido_por)
        REFERENCES usuario (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- The original left these rows behind on expediente deletion (a defect). Ruling M6 cascades them.
CREATE TABLE IF NOT EXISTS comentario (
    id             INT          NOT NULL AUTO_INCREMENT,
    no_siniestro   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    usuario_id     INT          NULL,
    -- Wall-clock date and time in America/Mexico_City at creation (ruling 3), supplied by the application.
    -- No default on purpose (see the conventions at the top).
    fecha          DATE         NOT NULL,
    hora           TIME(3)      NOT NULL,
    comentario     TEXT         NOT NULL,
    fecha_creacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    -- GET /api/comentarios/:no_siniestro ordered by fecha_creacion desc. Also the FK index.
    KEY ix_comentario_expediente_fecha (no_siniestro, fecha_creacion),
    KEY ix_comentario_usuario (usuario_id),
    CONSTRAINT ck_comentario_texto CHECK (comentario <> ''),
    CONSTRAINT fk_comentario_expediente FOREIGN KEY (no_siniestro)
        REFERENCES expediente (no_siniestro) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_comentario_usuario FOREIGN KEY (usuario_id)
        REFERENCES usuario (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Damage survey. Several per expediente are allowed. The "latest" is the highest id.
-- no_siniestro stays nullable as in the original (the POST requires it, but the data model allows
-- a levantamiento without expediente). Such a row is simply not cascaded by any expediente delete.
CREATE TABLE IF NOT EXISTS levantamiento_danios (
    id                 INT          NOT NULL AUTO_INCREMENT,
    no_siniestro       VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    fecha              DATE         NULL,
    orden              VARCHAR(255) NULL,
    marca              VARCHAR(255) NULL,
    tipo               VARCHAR(255) NULL,
    modelo             VARCHAR(255) NULL,
    placas             VARCHAR(255) NULL,
    kilometraje        VARCHAR(255) NULL,
    no_puertas         VARCHAR(255) NULL,
    color              VARCHAR(255) NULL,
    serie              VARCHAR(255) NULL,
    eco                VARCHAR(255) NULL,
    asegurado_tercero  VARCHAR(255) NULL,
    nombre_propietario VARCHAR(255) NULL,
    telefono           VARCHAR(255) NULL,
    direccion          VARCHAR(500) NULL,
    pega               VARCHAR(255) NULL,
    cristales          BOOLEAN      NULL,
    aire               BOOLEAN      NULL,
    vestiduras         BOOLEAN      NULL,
    rin                BOOLEAN      NULL,
    direccion_veh      BOOLEAN      NULL,
    tipo_pintura       BOOLEAN      NULL,
    trasmision         BOOLEAN      NULL,
    PRIMARY KEY (id),
    -- "Latest levantamiento of a siniestro" = max id per no_siniestro. Also the FK index.
    KEY ix_levantamiento_expediente (no_siniestro, id),
    CONSTRAINT ck_levantamiento_cristales     CHECK (cristales IN (0, 1)),
    CONSTRAINT ck_levantamiento_aire          CHECK (aire IN (0, 1)),
    CONSTRAINT ck_levantamiento_vestiduras    CHECK (vestiduras IN (0, 1)),
    CONSTRAINT ck_levantamiento_rin           CHECK (rin IN (0, 1)),
    CONSTRAINT ck_levantamiento_direccion_veh CHECK (direccion_veh IN (0, 1)),
    CONSTRAINT ck_levantamiento_tipo_pintura  CHECK (tipo_pintura IN (0, 1)),
    CONSTRAINT ck_levantamiento_trasmision    CHECK (trasmision IN (0, 1)),
    CONSTRAINT fk_levantamiento_expediente FOREIGN KEY (no_siniestro)
        REFERENCES expediente (no_siniestro) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Cost lines. They cascade with their levantamiento, so DELETE /api/levantamientos/:id and the
-- expediente delete need no child-first ordering.
CREATE TABLE IF NOT EXISTS levantamiento_concepto (
    id               INT           NOT NULL AUTO_INCREMENT,
    id_levantamiento INT           NOT NULL,
    claves           VARCHAR(255)  NULL,
    concepto         VARCHAR(1000) NULL,
    costo            DECIMAL(14,2) NULL,
    PRIMARY KEY (id),
    KEY ix_concepto_levantamiento (id_levantamiento, id),
    CONSTRAINT fk_concepto_levantamiento FOREIGN KEY (id_levantamiento)
        REFERENCES levantamiento_danios (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
-- Exit/inspection checklist. Several per expediente are allowed. The "latest" (highest id) is the one
-- whose fecha_entrega gates the Salida estado (§4.5).
-- no_siniestro is nullable: POST /api/checklist accepts a checklist without expediente (§4.8).
CREATE TABLE IF NOT EXISTS checklist (
    id                        INT           NOT NULL AUTO_INCREMENT,
    no_siniestro              VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    fecha_inspeccion          DATE          NULL,
    -- Wall-clock HH:MM as entered (stored unshifted, unlike the original, §9).
    hora                      TIME          NULL,
    inspeccionado_por         VARCHAR(255)  NULL,
    ubicacion                 VARCHAR(255)  NULL,
    aprobada                  BOOLEAN       NULL,
    detallado                 BOOLEAN       NULL,
    carroceo_asignado         VARCHAR(255)  NULL,
    mecanico_asignado         VARCHAR(255)  NULL,
    pintor                    VARCHAR(255)  NULL,
    area_detallado            VARCHAR(255)  NULL,
    marca_tipo                VARCHAR(255)  NULL,
    anio                      VARCHAR(255)  NULL,
    serie                     VARCHAR(255)  NULL,
    areas_danadas             TEXT          NULL,
    -- Meaning unknown even to the original's author (README). Kept as plain booleans.
    a                         BOOLEAN       NULL,
    t                         BOOLEAN       NULL,
    fecha_vencimiento_seguro  DATE          NULL,
    deducible                 DECIMAL(14,2) NULL,
    demerito                  DECIMAL(14,2) NULL,
    lugar_entrega             VARCHAR(255)  NULL,
    fecha_entrega             DATE          NULL,
    nombre_quien_recibe       VARCHAR(255)  NULL,
    -- A name or a short reference. A signature image would be an evidencia, not this column.
    firma_quien_recibe        VARCHAR(255)  NULL,
    observaciones_adicionales TEXT          NULL,
    PRIMARY KEY (id),
    -- "Latest checklist of a siniestro" (GET .../siniestro/:no and the Salida check). Also the FK index.
    KEY ix_checklist_expediente (no_siniestro, id),
    CONSTRAINT ck_checklist_aprobada  CHECK (aprobada IN (0, 1)),
    CONSTRAINT ck_checklist_detallado CHECK (detallado IN (0, 1)),
    CONSTRAINT ck_checklist_a         CHECK (a IN (0, 1)),
    CONSTRAINT ck_checklist_t         CHECK (t IN (0, 1)),
    CONSTRAINT fk_checklist_expediente FOREIGN KEY (no_siniestro)
        REFERENCES expediente (no_siniestro) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS checklist_item (
    id           INT          NOT NULL AUTO_INCREMENT,
    id_checklist INT          NOT NULL,
    sistema      VARCHAR(255) NULL,
    nombre_item  VARCHAR(255) NULL,
    -- Expected OK / RE / MA / NA, but the original never enforced it (only the Excel export reads it,
    -- case-insensitively), so no CHECK: existing clients may send other values.
    valor        VARCHAR(50)  NULL,
    PRIMARY KEY (id),
    -- Items of a checklist ordered by id (bulk replace returns them so). Also the FK index.
    KEY ix_item_checklist (id_checklist, id),
    CONSTRAINT fk_item_checklist FOREIGN KEY (id_checklist)
        REFERENCES checklist (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
