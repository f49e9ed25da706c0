-- Transporte module: DEVELOPMENT seed. Not a migration: never apply it to production.
-- Apply after the migrations 0001-0006 (it uses the Rol rows of 0004):
--   mariadb <database> < sql/transporte/seed/development.sql      (or: ventanilla seed transporte)
--
-- Users (password "ventanilla" for all five; each has one Perfil (T8) and one role (T5)):
--   Username      Perfil (NombreSolicitante style)  E-mail (Usuario and Perfil)       Rol          Departamento
--   solicitante1  Juan Carlos Pérez López           solicitante1@transporte.local     SOLICITANTE  LOGISTICA
--   solicitante2  Ana Lucía Martínez Flores         solicitante2@transporte.local     SOLICITANTE  DIR_ADMIN
--   aprobador1    María José González Rivas         aprobador1@transporte.local       APROBADOR    LOGISTICA (jefa)
--   aprobador2    Carlos Ernesto Hernández Campos   aprobador2@transporte.local       APROBADOR    DIR_ADMIN (jefe)
--   admin         Administrador Sistema             admin@transporte.local            ADMIN        DIR_ADMIN
-- The hashes are bcrypt $2b$, cost 10, generated with Debian's libxcrypt (ruling 4), one salt each.
-- On a fresh database the rows get the Ids the seed 002 example uses: Perfil 1 = Juan Pérez (requester),
-- Perfil 3 = María González (approver), Departamento 2 = Logística, TipoPrioridadSolicitud 2 = Normal,
-- TipoServicioSolicitud 1 = Transporte de personal.
--
-- Also: two departments, three priorities, three service types, six places in El Salvador.
--
-- Idempotent: running it again changes nothing. Every row is inserted only when no ACTIVE row with its key
-- exists (INSERT ... SELECT ... WHERE NOT EXISTS, against the "active" generated columns of 0001-0002).
-- Existing rows are never updated, so a developer's changed password or edited place survives a re-seed
-- (and the audit triggers, which would bump FechaHoraActualizacion, never fire on a re-run). A row a
-- developer soft-deleted is recreated as a new row, as the API itself would do.
-- Instants are UTC (ruling 3); the column defaults provide them.

SET NAMES utf8mb4;

START TRANSACTION;

-- ---------------------------------------------------------------------------------------------------
-- Departments: a root and one sub-department. The bosses are set at the end, once their Perfil exists.
INSERT INTO Departamento (Codigo, Nombre, NivelJerarquico, UbicacionFisica, TelefonoJefe)
SELECT 'DIR_ADMIN', 'Dirección Administrativa', 0, 'Edificio principal, 2.º nivel', '2200-1000'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Departamento WHERE CodigoActivo = 'DIR_ADMIN');

INSERT INTO Departamento (Codigo, Nombre, NivelJerarquico, UbicacionFisica, TelefonoJefe, DepartamentoPadreId)
SELECT 'LOGISTICA', 'Logística', 1, 'Edificio principal, 1.er nivel', '2200-1100',
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'DIR_ADMIN')
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Departamento WHERE CodigoActivo = 'LOGISTICA');

-- ---------------------------------------------------------------------------------------------------
-- Priorities (Id 2 = 'Normal', as in seed 002's example) and service types (Id 1 as in the example).
INSERT INTO TipoPrioridadSolicitud (Nombre)
SELECT 'Alta' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM TipoPrioridadSolicitud WHERE NombreActivo = 'Alta');
INSERT INTO TipoPrioridadSolicitud (Nombre)
SELECT 'Normal' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM TipoPrioridadSolicitud WHERE NombreActivo = 'Normal');
INSERT INTO TipoPrioridadSolicitud (Nombre)
SELECT 'Baja' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM TipoPrioridadSolicitud WHERE NombreActivo = 'Baja');

INSERT INTO TipoServicioSolicitud (Nombre)
SELECT 'Transporte de personal' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM TipoServicioSolicitud WHERE NombreActivo = 'Transporte de personal');
INSERT INTO TipoServicioSolicitud (Nombre)
SELECT 'Diligencia oficial' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM TipoServicioSolicitud WHERE NombreActivo = 'Diligencia oficial');
INSERT INTO TipoServicioSolicitud (Nombre)
SELECT 'Traslado de documentos' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM TipoServicioSolicitud WHERE NombreActivo = 'Traslado de documentos');

-- ---------------------------------------------------------------------------------------------------
-- Places in El Salvador (approximate coordinates).
INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'SEDE_CENTRAL', 'Sede Central', 'Alameda Juan Pablo II y 39 Avenida Norte, San Salvador',
       13.7060, -89.2090, 'OFICINA', 1, 'Frente al Parque Cuscatlán', '2200-1000'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'SEDE_CENTRAL');

INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'CSJ', 'Corte Suprema de Justicia', 'Centro de Gobierno, San Salvador',
       13.7035, -89.1925, 'TRIBUNAL', 1, 'Entrada principal del Centro de Gobierno', NULL
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'CSJ');

INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'AEROPUERTO_SAL', 'Aeropuerto Internacional Monseñor Óscar Arnulfo Romero',
       'Carretera del Litoral, San Luis Talpa, La Paz',
       13.4409, -89.0557, 'AEROPUERTO', 0, 'Terminal de pasajeros', NULL
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'AEROPUERTO_SAL');

INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'REGIONAL_OCCIDENTE', 'Oficina Regional Occidente', 'Avenida Independencia Sur, Santa Ana',
       13.9942, -89.5597, 'OFICINA', 1, 'Cerca de la Catedral de Santa Ana', '2440-0000'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'REGIONAL_OCCIDENTE');

INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'REGIONAL_NORTE', 'Oficina Regional Norte', 'Barrio El Centro, Chalatenango',
       14.0333, -88.9333, 'OFICINA', 0, 'A una cuadra del parque central', '2301-0000'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'REGIONAL_NORTE');

INSERT INTO Lugares (Codigo, Nombre, Direccion, Latitud, Longitud, TipoLugar, EsPuntoFrecuente, Referencia,
                     TelefonoContacto)
SELECT 'REGIONAL_ORIENTE', 'Oficina Regional Oriente', 'Avenida Roosevelt Sur, San Miguel',
       13.4808, -88.1775, 'OFICINA', 0, 'Frente a la Plaza Barrios', '2660-0000'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Lugares WHERE CodigoActivo = 'REGIONAL_ORIENTE');

-- ---------------------------------------------------------------------------------------------------
-- Login accounts, in the order that gives the Perfil Ids listed at the top.
INSERT INTO Usuario (Username, PasswordHash, Email)
SELECT 'solicitante1', '$2b$10$4n/WkVeLqDw5gC/YmgfZtO.qxb37xtPoBhW9eBv4IHlubs00fpMVm', 'solicitante1@transporte.local'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Usuario WHERE UsernameActivo = 'solicitante1');
INSERT INTO Usuario (Username, PasswordHash, Email)
SELECT 'solicitante2', '$2b$10$evKt0mY5V54A1iP6TXyV4Ou84HXyS1HpNbkQIo1MRvKAq8wMVPRfq', 'solicitante2@transporte.local'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Usuario WHERE UsernameActivo = 'solicitante2');
INSERT INTO Usuario (Username, PasswordHash, Email)
SELECT 'aprobador1', '$2b$10$6lTBEqH4BN1Hq5jzSNCnNuJ8B0b.UxPuMIFiU7Y.gzj9o5ftx1hRm', 'aprobador1@transporte.local'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Usuario WHERE UsernameActivo = 'aprobador1');
INSERT INTO Usuario (Username, PasswordHash, Email)
SELECT 'aprobador2', '$2b$10$fmdJcP3h6dUWhAwsg5NyqOINPEza3KIh1gpWKzXFVpoo/WUzQEc4C', 'aprobador2@transporte.local'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Usuario WHERE UsernameActivo = 'aprobador2');
INSERT INTO Usuario (Username, PasswordHash, Email)
SELECT 'admin', '$2b$10$W0luZhUtudgKBJqrCTzNe.YKNoiB2JMOBAzxInP3z5UoqgnfYvdSG', 'admin@transporte.local'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM Usuario WHERE UsernameActivo = 'admin');

-- ---------------------------------------------------------------------------------------------------
-- One Perfil per account (T8), inserted when the active account has none.
INSERT INTO Perfil (IdUsuario, Nombre1, Nombre2, Apellido1, Apellido2, Email, Telefono, IdDepartamento)
SELECT u.Id, 'Juan', 'Carlos', 'Pérez', 'López', 'solicitante1@transporte.local', '7000-0001',
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'LOGISTICA')
  FROM Usuario u
 WHERE u.UsernameActivo = 'solicitante1' AND NOT EXISTS (SELECT 1 FROM Perfil p WHERE p.IdUsuario = u.Id);

INSERT INTO Perfil (IdUsuario, Nombre1, Nombre2, Apellido1, Apellido2, Email, Telefono, IdDepartamento)
SELECT u.Id, 'Ana', 'Lucía', 'Martínez', 'Flores', 'solicitante2@transporte.local', '7000-0002',
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'DIR_ADMIN')
  FROM Usuario u
 WHERE u.UsernameActivo = 'solicitante2' AND NOT EXISTS (SELECT 1 FROM Perfil p WHERE p.IdUsuario = u.Id);

INSERT INTO Perfil (IdUsuario, Nombre1, Nombre2, Apellido1, Apellido2, Email, Telefono, IdDepartamento)
SELECT u.Id, 'María', 'José', 'González', 'Rivas', 'aprobador1@transporte.local', '7000-0003',
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'LOGISTICA')
  FROM Usuario u
 WHERE u.UsernameActivo = 'aprobador1' AND NOT EXISTS (SELECT 1 FROM Perfil p WHERE p.IdUsuario = u.Id);

INSERT INTO Perfil (IdUsuario, Nombre1, Nombre2, Apellido1, Apellido2, Email, Telefono, IdDepartamento)
SELECT u.Id, 'Carlos', 'Ernesto', 'Hernández', 'Campos', 'aprobador2@transporte.local', '7000-0004',
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'DIR_ADMIN')
  FROM Usuario u
 WHERE u.UsernameActivo = 'aprobador2' AND NOT EXISTS (SELECT 1 FROM Perfil p WHERE p.IdUsuario = u.Id);

INSERT INTO Perfil (IdUsuario, Nombre1, Nombre2, Apellido1, Apellido2, Email, Telefono, IdDepartamento)
SELECT u.Id, 'Administrador', NULL, 'Sistema', NULL, 'admin@transporte.local', NULL,
       (SELECT d.Id FROM Departamento d WHERE d.CodigoActivo = 'DIR_ADMIN')
  FROM Usuario u
 WHERE u.UsernameActivo = 'admin' AND NOT EXISTS (SELECT 1 FROM Perfil p WHERE p.IdUsuario = u.Id);

-- ---------------------------------------------------------------------------------------------------
-- Roles (T5), by Rol.Codigo; an active assignment is never duplicated.
INSERT INTO PerfilRol (IdPerfil, IdRol)
SELECT p.Id, r.Id
  FROM (SELECT 'solicitante1' AS Username, 'SOLICITANTE' AS CodigoRol
        UNION ALL SELECT 'solicitante2', 'SOLICITANTE'
        UNION ALL SELECT 'aprobador1',   'APROBADOR'
        UNION ALL SELECT 'aprobador2',   'APROBADOR'
        UNION ALL SELECT 'admin',        'ADMIN') AS a
  JOIN Usuario u ON u.UsernameActivo = a.Username
  JOIN Perfil  p ON p.IdUsuario = u.Id AND p.Eliminado = 0
  JOIN Rol     r ON r.CodigoActivo = a.CodigoRol
 WHERE NOT EXISTS (SELECT 1 FROM PerfilRol pr WHERE pr.IdPerfil = p.Id AND pr.IdRolActivo = r.Id)
 ORDER BY p.Id;

-- ---------------------------------------------------------------------------------------------------
-- Department bosses: set only while a department has none (so a re-run matches no row).
UPDATE Departamento d
  JOIN Perfil  p ON p.Eliminado = 0
  JOIN Usuario u ON u.Id = p.IdUsuario AND u.UsernameActivo = 'aprobador1'
   SET d.IdPerfilJefe = p.Id, d.NombreJefe = 'María González', d.EmailJefe = 'aprobador1@transporte.local'
 WHERE d.CodigoActivo = 'LOGISTICA' AND d.IdPerfilJefe IS NULL;

UPDATE Departamento d
  JOIN Perfil  p ON p.Eliminado = 0
  JOIN Usuario u ON u.Id = p.IdUsuario AND u.UsernameActivo = 'aprobador2'
   SET d.IdPerfilJefe = p.Id, d.NombreJefe = 'Carlos Hernández', d.EmailJefe = 'aprobador2@transporte.local'
 WHERE d.CodigoActivo = 'DIR_ADMIN' AND d.IdPerfilJefe IS NULL;

COMMIT;
