-- Transporte module: users, profiles, roles (rulings 4, T5, T8; transporte.md §1.6, §3.1, §9).
--
--   mariadb <database> < sql/transporte/0002_usuarios.sql      (after 0001)
--
-- Conventions (audit columns, trigger, "unique among active rows" through INVISIBLE generated columns,
-- collations) are those of 0001; see its header.
--
-- The model (T5, T8):
-- * Usuario is the login account (Username + bcrypt PasswordHash). Perfil is the person. Each Usuario has
--   exactly one Perfil (UNIQUE Perfil.IdUsuario, NOT NULL): tokens carry both ids, and every "user" id of
--   the API (Solicitud.IdUsuarioSolicitante/IdUsuarioAprobador, Departamento.IdPerfilJefe, motoristas) is a
--   Perfil id. The 1:1 is enforced from the Perfil side; a Usuario without Perfil can exist for the instant
--   between the two INSERTs of one transaction, and the application creates both in one transaction.
-- * Roles are rows of Rol (0001, reference rows in 0004) assigned to a Perfil through PerfilRol.
-- * External requesters (§9.3) get a "phantom" Usuario: no password, no e-mail, Activo = 0. Hence
--   PasswordHash and Email are nullable; such an account can never log in (no hash to verify).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS Usuario (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    -- Login name, case-sensitive and accent-sensitive (utf8mb4_bin) as in Monitor: 'Admin' and 'admin' are
    -- distinct accounts, and the comparison is exactly the one the login query makes.
    Username               VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- bcrypt "$2b$10$..." (60 characters) through libxcrypt (ruling 4). 255 leaves room for another
    -- algorithm. ascii_bin: a hash is compared byte for byte. NULL = cannot log in (phantom users, §9.3).
    PasswordHash           VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- Account e-mail. utf8mb4_unicode_ci so 'Ana@X.org' and 'ana@x.org' are the same address for uniqueness.
    Email                  VARCHAR(250) NULL,
    -- An inactive account cannot log in (401) and its refresh tokens stop working. Not the same as deleted:
    -- an inactive user still shows in lists; a deleted one does not.
    Activo                 BOOLEAN      NOT NULL DEFAULT 1,
    -- Last successful login (UTC), written by POST /auth/login. Informational.
    FechaHoraUltimoAcceso  DATETIME(3)  NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    UsernameActivo VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Username, NULL)) PERSISTENT INVISIBLE,
    EmailActivo    VARCHAR(250) AS (IF(Eliminado = 0, Email, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    -- Login: WHERE UsernameActivo = ? (or Username = ? AND Eliminado = 0) hits this index.
    UNIQUE KEY uq_usuario_username_activo (UsernameActivo),
    UNIQUE KEY uq_usuario_email_activo (EmailActivo),
    KEY ix_usuario_username (Username),
    KEY ix_usuario_email (Email),
    CONSTRAINT ck_usuario_username CHECK (Username <> '' AND Username NOT REGEXP '[[:space:]]'),
    CONSTRAINT ck_usuario_password CHECK (PasswordHash IS NULL OR PasswordHash <> ''),
    CONSTRAINT ck_usuario_email CHECK (Email IS NULL OR Email LIKE '_%@_%'),
    CONSTRAINT ck_usuario_activo CHECK (Activo IN (0, 1)),
    CONSTRAINT ck_usuario_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_usuario_auditoria
    BEFORE UPDATE ON Usuario
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- The person behind a Usuario (T8). The API's NombreSolicitante/NombreAprobador is built from Nombre1 and
-- Apellido1 (seed 002: "Juan Pérez"); EmailSolicitante/EmailAprobador is Perfil.Email. Lengths are those of
-- the motorista body (§9.2): names 100, telefono 20, dui ########-#, nit 17, direccion 500.
CREATE TABLE IF NOT EXISTS Perfil (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    IdUsuario              INT          NOT NULL,
    Nombre1                VARCHAR(100) NOT NULL,
    Nombre2                VARCHAR(100) NULL,
    Nombre3                VARCHAR(100) NULL,
    Apellido1              VARCHAR(100) NOT NULL,
    Apellido2              VARCHAR(100) NULL,
    Apellido3              VARCHAR(100) NULL,
    -- Contact e-mail (the address mail is sent to). Usually the account's e-mail; optional for external
    -- requesters (§9.3); unique among active profiles when given.
    Email                  VARCHAR(250) NULL,
    Telefono               VARCHAR(20)  NULL,
    -- Salvadoran national id, '12345678-9'. Unique among active profiles when given (§9.2, §9.3).
    Dui                    VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    Nit                    VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    Direccion              VARCHAR(500) NULL,
    Observaciones          TEXT         NULL,
    -- The department the person works in (internal requesters, approvers). Drivers have their assigned
    -- department in DetallePerfilMotorista.
    IdDepartamento         INT          NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    EmailActivo VARCHAR(250) AS (IF(Eliminado = 0, Email, NULL)) PERSISTENT INVISIBLE,
    DuiActivo   VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin
        AS (IF(Eliminado = 0, Dui, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    -- Exactly one Perfil per Usuario, deleted or not (a deleted user's profile is deleted with it and never
    -- replaced by a second one).
    UNIQUE KEY uq_perfil_usuario (IdUsuario),
    UNIQUE KEY uq_perfil_email_activo (EmailActivo),
    UNIQUE KEY uq_perfil_dui_activo (DuiActivo),
    KEY ix_perfil_departamento (IdDepartamento),
    KEY ix_perfil_apellido_nombre (Apellido1, Nombre1),
    KEY ix_perfil_dui (Dui),
    CONSTRAINT ck_perfil_nombre1 CHECK (Nombre1 <> ''),
    CONSTRAINT ck_perfil_apellido1 CHECK (Apellido1 <> ''),
    CONSTRAINT ck_perfil_email CHECK (Email IS NULL OR Email LIKE '_%@_%'),
    CONSTRAINT ck_perfil_dui CHECK (Dui REGEXP '^[0-9]{8}-[0-9]$'),
    CONSTRAINT ck_perfil_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_perfil_usuario FOREIGN KEY (IdUsuario)
        REFERENCES Usuario (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_perfil_departamento FOREIGN KEY (IdDepartamento)
        REFERENCES Departamento (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_perfil_auditoria
    BEFORE UPDATE ON Perfil
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Role assignments. A Perfil holds a role at most once among active rows; a removed (soft-deleted)
-- assignment does not block giving the role again, by reactivating that row or inserting a new one.
-- The roles of a login: SELECT r.Codigo FROM PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol
--   WHERE pr.IdPerfil = ? AND pr.Eliminado = 0 AND r.Eliminado = 0   (uses uq_perfilrol_activo).
CREATE TABLE IF NOT EXISTS PerfilRol (
    Id                     INT          NOT NULL AUTO_INCREMENT,
    IdPerfil               INT          NOT NULL,
    IdRol                  INT          NOT NULL,
    Eliminado              BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion      DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion   DATETIME(3)  NULL,
    IdRolActivo INT AS (IF(Eliminado = 0, IdRol, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_perfilrol_activo (IdPerfil, IdRolActivo),
    -- "Active PerfilRol rows use this role" (Rol delete guard, §10), role member lists; also the FK index.
    KEY ix_perfilrol_rol (IdRol, IdPerfil),
    CONSTRAINT ck_perfilrol_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_perfilrol_perfil FOREIGN KEY (IdPerfil)
        REFERENCES Perfil (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_perfilrol_rol FOREIGN KEY (IdRol)
        REFERENCES Rol (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_perfilrol_auditoria
    BEFORE UPDATE ON PerfilRol
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Driver details (§3.1, §9.2): one row per driver Perfil (UNIQUE IdPerfil, deleted or not; re-creating a
-- driver for the same profile reactivates the row). Written by POST /motorista in the same transaction as
-- its Usuario, Perfil and PerfilRol(MOTORISTA).
CREATE TABLE IF NOT EXISTS DetallePerfilMotorista (
    Id                       INT          NOT NULL AUTO_INCREMENT,
    IdPerfil                 INT          NOT NULL,
    IdDepartamentoAsignado   INT          NOT NULL,
    IdTipoLicencia           INT          NOT NULL,
    -- NULL until availability is first set (the dedicated availability endpoint, §9.2).
    IdTipoDisponibilidad     INT          NULL,
    NumeroLicencia           VARCHAR(50)  NOT NULL,
    FechaVencimientoLicencia DATE         NULL,
    -- Device id of the driver's phone; unique among active drivers when given (§9.2).
    Imei                     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    Eliminado                BOOLEAN      NOT NULL DEFAULT 0,
    FechaHoraCreacion        DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion   DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion     DATETIME(3)  NULL,
    ImeiActivo VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin
        AS (IF(Eliminado = 0, Imei, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_detallemotorista_perfil (IdPerfil),
    UNIQUE KEY uq_detallemotorista_imei_activo (ImeiActivo),
    -- Delete guards of §10: "active drivers use it" (departamento, tipo-licencia, tipo-disponibilidad).
    KEY ix_detallemotorista_departamento (IdDepartamentoAsignado),
    KEY ix_detallemotorista_licencia (IdTipoLicencia),
    KEY ix_detallemotorista_disponibilidad (IdTipoDisponibilidad),
    CONSTRAINT ck_detallemotorista_licencia CHECK (NumeroLicencia <> ''),
    CONSTRAINT ck_detallemotorista_imei CHECK (Imei IS NULL OR Imei <> ''),
    CONSTRAINT ck_detallemotorista_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_detallemotorista_perfil FOREIGN KEY (IdPerfil)
        REFERENCES Perfil (Id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_detallemotorista_departamento FOREIGN KEY (IdDepartamentoAsignado)
        REFERENCES Departamento (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_detallemotorista_licencia FOREIGN KEY (IdTipoLicencia)
        REFERENCES TipoLicencia (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_detallemotorista_disponibilidad FOREIGN KEY (IdTipoDisponibilidad)
        REFERENCES TipoDisponibilidad (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_detallemotorista_auditoria
    BEFORE UPDATE ON DetallePerfilMotorista
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- Departamento.IdPerfilJefe -> Perfil (0001 created the column and its index; Perfil did not exist yet).
-- IF NOT EXISTS keeps the file re-runnable. RESTRICT: a boss's profile is soft-deleted, never hard-deleted.
ALTER TABLE Departamento
    ADD CONSTRAINT fk_departamento_jefe FOREIGN KEY IF NOT EXISTS (IdPerfilJefe)
        REFERENCES Perfil (Id) ON DELETE RESTRICT ON UPDATE RESTRICT;
