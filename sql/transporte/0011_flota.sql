-- Transporte module: the fleet, vehicles and drivers (transporte.md §3.1, §9.1, §9.2, §10; rulings 5, T1, T12).
--
--   mariadb <database> < sql/transporte/0011_flota.sql      (after 0001-0010)
--
-- Conventions (audit columns and trigger, "unique among active rows" through an INVISIBLE generated column,
-- RESTRICT foreign keys, CHECKs the application validates first) are those of 0001; see its header.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- A vehicle of the fleet. Placa is stored upper-case without spaces (the API normalises it: "p 503 067" is
-- P503067), unique among active vehicles; a create with the plate of a deleted vehicle reactivates it (§9.1).
-- IdMotoristaPorDefecto is a Perfil id (drivers are handled by Perfil, §11.10), checked by the API to be an
-- active driver (VistaMotorista below).
CREATE TABLE IF NOT EXISTS Vehiculo (
    Id                          INT           NOT NULL AUTO_INCREMENT,
    -- utf8mb4_bin: compared exactly (the stored form is upper-case: letters, digits and -), as codes are in 0001;
    -- not ascii, so a filter with any text compares without a collation error.
    Placa                       VARCHAR(20)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    IdClaseVehiculo             INT           NOT NULL,
    IdEstadoVehiculo            INT           NOT NULL,
    IdTipoCombustible           INT           NULL,
    IdMotoristaPorDefecto       INT           NULL,
    IdDepartamentoAsignado      INT           NULL,
    Marca                       VARCHAR(100)  NULL,
    Modelo                      VARCHAR(100)  NULL,
    Anio                        INT           NULL,
    Color                       VARCHAR(50)   NULL,
    NumeroMotor                 VARCHAR(100)  NULL,
    NumeroChasis                VARCHAR(100)  NULL,
    NumeroVin                   VARCHAR(100)  NULL,
    CapacidadPasajeros          INT           NULL,
    CapacidadCombustibleGalones DECIMAL(10,2) NULL,
    -- The odometer: a mission's start must not read less (§8.4); its finish writes it (a later issue).
    KilometrajeActual           INT           NOT NULL DEFAULT 0,
    FechaUltimaRevision         DATE          NULL,
    FechaProximoMantenimiento   DATE          NULL,
    FechaTarjetaCirculacion     DATE          NULL,
    NumeroPolizaSeguro          VARCHAR(100)  NULL,
    FechaVencimientoSeguro      DATE          NULL,
    Observaciones               TEXT          NULL,
    Eliminado                   BOOLEAN       NOT NULL DEFAULT 0,
    FechaHoraCreacion           DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraActualizacion      DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    FechaHoraEliminacion        DATETIME(3)   NULL,
    PlacaActivo VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(Eliminado = 0, Placa, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (Id),
    UNIQUE KEY uq_vehiculo_placa_activo (PlacaActivo),
    KEY ix_vehiculo_placa (Placa),
    -- Delete guards of §10 ("active vehicles use it") and the list's exact filters; also the FK indexes.
    KEY ix_vehiculo_clase (IdClaseVehiculo),
    KEY ix_vehiculo_estado (IdEstadoVehiculo),
    KEY ix_vehiculo_combustible (IdTipoCombustible),
    KEY ix_vehiculo_motorista (IdMotoristaPorDefecto),
    KEY ix_vehiculo_departamento (IdDepartamentoAsignado),
    CONSTRAINT ck_vehiculo_placa CHECK (Placa REGEXP '^[A-Z0-9-]+$' AND Placa REGEXP '[A-Z0-9]'),
    CONSTRAINT ck_vehiculo_anio CHECK (Anio IS NULL OR Anio BETWEEN 1900 AND 2100),
    CONSTRAINT ck_vehiculo_capacidadpasajeros CHECK (CapacidadPasajeros IS NULL OR CapacidadPasajeros >= 0),
    CONSTRAINT ck_vehiculo_capacidadcombustiblegalones
        CHECK (CapacidadCombustibleGalones IS NULL OR CapacidadCombustibleGalones >= 0),
    CONSTRAINT ck_vehiculo_kilometrajeactual CHECK (KilometrajeActual >= 0),
    CONSTRAINT ck_vehiculo_eliminado
        CHECK (Eliminado IN (0, 1) AND (Eliminado = 0) = (FechaHoraEliminacion IS NULL)),
    CONSTRAINT fk_vehiculo_clase FOREIGN KEY (IdClaseVehiculo)
        REFERENCES ClaseVehiculo (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_vehiculo_estado FOREIGN KEY (IdEstadoVehiculo)
        REFERENCES EstadoVehiculo (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_vehiculo_combustible FOREIGN KEY (IdTipoCombustible)
        REFERENCES TipoCombustible (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_vehiculo_motorista FOREIGN KEY (IdMotoristaPorDefecto)
        REFERENCES Perfil (Id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_vehiculo_departamento FOREIGN KEY (IdDepartamentoAsignado)
        REFERENCES Departamento (Id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_vehiculo_auditoria
    BEFORE UPDATE ON Vehiculo
    FOR EACH ROW SET
        NEW.FechaHoraActualizacion = UTC_TIMESTAMP(3),
        NEW.FechaHoraEliminacion = CASE WHEN NEW.Eliminado = 0 THEN NULL
                                        WHEN OLD.Eliminado = 0 THEN UTC_TIMESTAMP(3)
                                        ELSE OLD.FechaHoraEliminacion END;

-- ---------------------------------------------------------------------------------------------------
-- The vehicle record the API returns (§9.1): every visible column of Vehiculo plus the resolved names of its
-- class and state. Reads go through it; writes and row locks go to Vehiculo itself. MERGE, so a WHERE on it
-- uses Vehiculo's indexes.
CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW VistaVehiculo AS
SELECT v.Id, v.Placa, v.IdClaseVehiculo, c.Nombre AS NombreClaseVehiculo, v.IdEstadoVehiculo,
       e.Nombre AS NombreEstadoVehiculo, v.IdTipoCombustible, v.IdMotoristaPorDefecto, v.IdDepartamentoAsignado,
       v.Marca, v.Modelo, v.Anio, v.Color, v.NumeroMotor, v.NumeroChasis, v.NumeroVin, v.CapacidadPasajeros,
       v.CapacidadCombustibleGalones, v.KilometrajeActual, v.FechaUltimaRevision, v.FechaProximoMantenimiento,
       v.FechaTarjetaCirculacion, v.NumeroPolizaSeguro, v.FechaVencimientoSeguro, v.Observaciones, v.Eliminado,
       v.FechaHoraCreacion, v.FechaHoraActualizacion, v.FechaHoraEliminacion
  FROM Vehiculo v
  JOIN ClaseVehiculo c ON c.Id = v.IdClaseVehiculo
  JOIN EstadoVehiculo e ON e.Id = v.IdEstadoVehiculo;

-- ---------------------------------------------------------------------------------------------------
-- Drivers as other rows name them (Vehiculo.IdMotoristaPorDefecto): the Perfil ids that have active driver
-- details. `Eliminado` is the Perfil's, so "exists and is active" reads as it does for any table; the API's
-- check takes a shared lock through it on both rows, so the driver cannot be deleted before the write commits.
CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW VistaMotorista AS
SELECT p.Id, p.Eliminado
  FROM Perfil p
  JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id AND d.Eliminado = 0;

-- ---------------------------------------------------------------------------------------------------
-- The driver record the API returns (§9.2): the Perfil (the person; its Id is the driver's id, IdPerfil),
-- its account's id, its active driver details and the names of their department, licence type and
-- availability. Only active details: a deleted driver (Perfil, Usuario, PerfilRol and details all soft-deleted
-- together) is not in it. Writes go to the four tables in one transaction. The ASCII columns (Dui, Nit, Imei) are
-- converted to utf8mb4, so a filter or search with any text compares without a collation error.
CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW VistaMotoristaRegistro AS
SELECT p.Id AS IdPerfil, p.IdUsuario, p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3,
       CONCAT_WS(' ', p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3) AS NombreCompleto,
       p.Email, p.Telefono, CONVERT(p.Dui USING utf8mb4) AS Dui, CONVERT(p.Nit USING utf8mb4) AS Nit, p.Direccion,
       p.Observaciones, d.IdDepartamentoAsignado, dep.Nombre AS NombreDepartamento, d.IdTipoLicencia, l.Nombre AS NombreTipoLicencia,
       d.IdTipoDisponibilidad, t.Nombre AS NombreTipoDisponibilidad, d.NumeroLicencia, d.FechaVencimientoLicencia,
       CONVERT(d.Imei USING utf8mb4) AS Imei, p.Eliminado, p.FechaHoraCreacion,
       GREATEST(p.FechaHoraActualizacion, d.FechaHoraActualizacion) AS FechaHoraActualizacion, p.FechaHoraEliminacion
  FROM Perfil p
  JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id AND d.Eliminado = 0
  JOIN Departamento dep ON dep.Id = d.IdDepartamentoAsignado
  JOIN TipoLicencia l ON l.Id = d.IdTipoLicencia
  LEFT JOIN TipoDisponibilidad t ON t.Id = d.IdTipoDisponibilidad;
