-- Transporte module: requesters (transporte.md §9.3; rulings 5, T1, T12).
--
--   mariadb <database> < sql/transporte/0012_solicitantes.sql      (after 0001-0011)
--
-- A requester is a Perfil with an active PerfilRol(SOLICITANTE): an internal one is a login user given the role
-- (POST /solicitante/interno); an external one gets a "phantom" Usuario (no password, no e-mail, Activo = 0,
-- Username 'externo-<DUI>'), which can never log in (0002's header). No new table.

-- The requester record the API returns: the Perfil, its account id, its department's name and its kind,
-- EXTERNO for a phantom account (no password and inactive), INTERNO otherwise. Dui and Nit (ASCII columns) are
-- converted to utf8mb4, so a filter or search with any text compares without a collation error.
CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW VistaSolicitanteRegistro AS
SELECT p.Id AS IdPerfil, p.IdUsuario, p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3,
       CONCAT_WS(' ', p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3) AS NombreCompleto,
       p.Email, p.Telefono, CONVERT(p.Dui USING utf8mb4) AS Dui, CONVERT(p.Nit USING utf8mb4) AS Nit, p.Direccion,
       p.Observaciones, p.IdDepartamento,
       dep.Nombre AS NombreDepartamento,
       IF(u.PasswordHash IS NULL AND u.Activo = 0, 'EXTERNO', 'INTERNO') AS Tipo,
       p.Eliminado, p.FechaHoraCreacion, p.FechaHoraActualizacion, p.FechaHoraEliminacion
  FROM Perfil p
  JOIN Usuario u ON u.Id = p.IdUsuario
  JOIN PerfilRol pr ON pr.IdPerfil = p.Id AND pr.Eliminado = 0
  JOIN Rol r ON r.Id = pr.IdRol AND r.Codigo = 'SOLICITANTE'
  LEFT JOIN Departamento dep ON dep.Id = p.IdDepartamento;
