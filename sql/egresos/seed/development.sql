-- Egresos module: DEVELOPMENT seed. Not a migration: never apply it to production.
-- Apply after the migrations 0001-0010:
--   mariadb <database> < sql/egresos/seed/development.sql      (or: ventanilla seed egresos)
--
-- Staff users (§3.1, §10.1). user_id (the Auth0 sub) is NULL: the first verified token for the e-mail
-- links it (the local stack mints tokens for any registered e-mail, ruling E2). On a fresh database the
-- rows get ids 4001-4006 (users' AUTO_INCREMENT starts at 4001, the doc's ids):
--   id    e-mail                    role             name                       job_title
--   4001  admin@element.com.mx      admin            Alejandra Domínguez Ruiz   Directora general
--   4002  rh@element.com.mx         rh               Roberto Hernández Salas    Gerente de recursos humanos
--   4003  manager@element.com.mx    manager          Mariana López Ortega       Gerente de administración
--   4004  grouper@element.com.mx    grouper          Gustavo Ramírez Peña       Líder de proyecto
--   4005  cuentas@element.com.mx    account_manager  Carla Méndez Soto          Ejecutiva de cuentas
--   4006  empleado@element.com.mx   employee         Eduardo Torres Vega        Productor audiovisual
-- given_name / family_name / nickname follow #2's rule (first word / the rest / the e-mail's local part).
--
-- Supplier (supplier portal, §3.4): id 1, proveedor@example.com, password "Password123" (bcrypt $2b$, cost
-- 10, generated with Debian's libxcrypt, ruling 4), no pending password token, password_changed_at
-- 2020-01-01 UTC (so every supplier JWT issued now is valid). Company "Producciones Ejemplo", 30 days of
-- credit. Its billing (id 1, #29) is filled in, without an account status file.
--
-- Customer id 1 "Grupo Modelo" (code GM, 60 days) -> brand id 1 "Cerveza Corona" (code GMCC) -> project
-- id 1, folio 601 (the first generated folio, §3.2), "Campaña Modelo", grouper = grouper@element.com.mx
-- (4004), created by admin (4001), collaborator cuentas@element.com.mx (4005). With these a quotation can
-- be created right away (#33 on /api/v1/projects/1/quotations) by admin, grouper or cuentas.
-- Business activities are reference data (migration 0008); concepts start empty (§6.6).
--
-- Idempotent: running it again changes nothing. Every row is inserted only when no LIVE row with its key
-- exists (INSERT ... SELECT ... WHERE NOT EXISTS, against the "_active" generated columns where the table
-- has them). Existing rows are never updated, so a developer's changes survive a re-seed, and the
-- updated_at triggers never fire on a re-run. A row a developer soft-deleted is recreated as a new row, as
-- the API itself would do. Rows refer to each other by their keys (e-mail, name), never by assumed ids.
-- Instants are UTC (ruling 3); the column defaults provide them.

SET NAMES utf8mb4;

START TRANSACTION;

-- ---------------------------------------------------------------------------------------------------
-- Staff users, in id order.
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'admin@element.com.mx', 'Alejandra', 'Domínguez Ruiz', 'Alejandra Domínguez Ruiz', 'admin', 'Directora general', 'admin' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'admin@element.com.mx');
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'rh@element.com.mx', 'Roberto', 'Hernández Salas', 'Roberto Hernández Salas', 'rh', 'Gerente de recursos humanos', 'rh' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'rh@element.com.mx');
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'manager@element.com.mx', 'Mariana', 'López Ortega', 'Mariana López Ortega', 'manager', 'Gerente de administración', 'manager' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'manager@element.com.mx');
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'grouper@element.com.mx', 'Gustavo', 'Ramírez Peña', 'Gustavo Ramírez Peña', 'grouper', 'Líder de proyecto', 'grouper' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'grouper@element.com.mx');
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'cuentas@element.com.mx', 'Carla', 'Méndez Soto', 'Carla Méndez Soto', 'cuentas', 'Ejecutiva de cuentas', 'account_manager' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'cuentas@element.com.mx');
INSERT INTO users (email, given_name, family_name, name, nickname, job_title, role)
SELECT 'empleado@element.com.mx', 'Eduardo', 'Torres Vega', 'Eduardo Torres Vega', 'empleado', 'Productor audiovisual', 'employee' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email_active = 'empleado@element.com.mx');

-- ---------------------------------------------------------------------------------------------------
-- Supplier with a password, and its billing.
INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity, payment_conditions,
                       password_hash, password_changed_at)
SELECT 'Producciones Ejemplo', 'Pedro Proveedor Gómez', 'proveedor@example.com', '5512345678',
       'Producción audiovisual', 30,
       '$2b$10$aCsF/9/hd2kPJ40exw76leoISZ8Cv3IbgX5ky6nm.Yvvn5NzKyJF2', '2020-01-01 00:00:00.000' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM suppliers WHERE email = 'proveedor@example.com');

INSERT INTO billings (supplier_id, name, contact_name, contact_phone, rfc, business_name, banking_institution,
                      bank_account, concept)
SELECT s.id, 'Producciones Ejemplo', 'Pedro Proveedor Gómez', '5512345678', 'PEJ200101AB1',
       'Producciones Ejemplo S.A. de C.V.', 'BBVA México', '012180001234567891', 'Servicios de producción'
  FROM suppliers s
 WHERE s.email = 'proveedor@example.com'
   AND NOT EXISTS (SELECT 1 FROM billings b WHERE b.supplier_id = s.id);

-- ---------------------------------------------------------------------------------------------------
-- Customer -> brand -> project, with a grouper and a collaborator.
INSERT INTO customers (code, name, description, payment_conditions)
SELECT 'GM', 'Grupo Modelo', 'Cliente de ejemplo (desarrollo)', 60 FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM customers WHERE name_active = 'Grupo Modelo');

INSERT INTO brands (customer_id, code, name, description)
SELECT c.id, 'GMCC', 'Cerveza Corona', 'Marca de ejemplo (desarrollo)'
  FROM customers c
 WHERE c.name_active = 'Grupo Modelo'
   AND NOT EXISTS (SELECT 1 FROM brands WHERE name_active = 'Cerveza Corona');

-- The folio is generated as the API does (§3.2): max(numeric folio of all projects, 600) + 1.
INSERT INTO projects (brand_id, folio, name, description, grouper_id, created_by)
SELECT b.id,
       (SELECT CAST(GREATEST(600, COALESCE(MAX(CAST(p.folio AS UNSIGNED)), 0)) + 1 AS CHAR) FROM projects p),
       'Campaña Modelo', 'Campaña publicitaria de ejemplo (desarrollo)',
       (SELECT u.id FROM users u WHERE u.email_active = 'grouper@element.com.mx'),
       (SELECT u.id FROM users u WHERE u.email_active = 'admin@element.com.mx')
  FROM brands b
 WHERE b.name_active = 'Cerveza Corona'
   AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.brand_id = b.id AND p.name_active = 'Campaña Modelo');

INSERT INTO project_collaborators (project_id, user_id)
SELECT p.id, u.id
  FROM projects p
  JOIN brands b ON b.id = p.brand_id AND b.name_active = 'Cerveza Corona'
  JOIN users u ON u.email_active = 'cuentas@element.com.mx'
 WHERE p.name_active = 'Campaña Modelo'
   AND NOT EXISTS (SELECT 1 FROM project_collaborators pc WHERE pc.project_id = p.id AND pc.user_id = u.id);

COMMIT;
