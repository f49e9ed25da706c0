-- Egresos module: customers, brands, projects and project collaborators (egresos.md §3.2, §4, §6.5).
-- Conventions (UTC DATETIME(3) audit columns, soft delete, "<col>_active" uniqueness, RESTRICT into
-- soft-deleted tables): see the header of 0001_users.sql.
--
-- Relations: customer 1-n brand 1-n project; project n-1 user (grouper, the project lead of §7) and n-n
-- users (collaborators). A brand's customer and a project's brand never change through the API.
--
-- Soft-delete cascades are the application's (§3.2): #12 sets deleted_at on the customer, its live brands
-- and their live projects; #16 on the brand and its live projects; all with one timestamp in one
-- transaction. The foreign keys are RESTRICT, so a hard DELETE of a customer or brand that still has rows
-- under it fails with 1451 instead of silently removing history (ruling 5).
--
-- Uniqueness, all among live rows (§1) and case-insensitive (utf8mb4_unicode_ci):
-- * customers.name (#9/#10 "unique:customer,name", decisions 18 and 22);
-- * brands.name across all brands (#9/#14 "unique:brand,name", decision 18);
-- * projects.name within its brand (#19 409 4093) and projects.folio across all projects (#19/#20 EXT).
--   A new folio is max(numeric folio of ALL projects, deleted ones included, 600) + 1 (§3.2), so generated
--   folios are never reused; ix_projects_folio serves that query. Codes are not unique: generated initials
--   ("GM") may repeat (§6.5).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS customers (
    id                 INT           NOT NULL AUTO_INCREMENT,
    code               VARCHAR(10)   NOT NULL,
    name               VARCHAR(120)  NOT NULL,
    description        VARCHAR(255)  NULL,
    -- Days of credit (0-365, #10 max:365); the default of a new quotation's payment_conditions (#33).
    payment_conditions INT           NOT NULL DEFAULT 0,
    picture_path       VARCHAR(1024) NULL,
    created_at         DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at         DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    deleted_at         DATETIME(3)   NULL,
    name_active        VARCHAR(120)  AS (IF(deleted_at IS NULL, name, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_customers_name_active (name_active),
    KEY ix_customers_deleted_at (deleted_at),
    CONSTRAINT ck_customers_code CHECK (code <> ''),
    CONSTRAINT ck_customers_name CHECK (name <> ''),
    CONSTRAINT ck_customers_payment_conditions CHECK (payment_conditions BETWEEN 0 AND 365)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_customers_updated_at
    BEFORE UPDATE ON customers
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS brands (
    id           INT           NOT NULL AUTO_INCREMENT,
    customer_id  INT           NOT NULL,
    code         VARCHAR(20)   NOT NULL,
    name         VARCHAR(30)   NOT NULL,
    description  VARCHAR(255)  NULL,
    -- Own picture (EXT, #14/#15); the Brand object falls back to the customer's (§5.4).
    picture_path VARCHAR(1024) NULL,
    created_at   DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at   DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    deleted_at   DATETIME(3)   NULL,
    name_active  VARCHAR(30)   AS (IF(deleted_at IS NULL, name, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_brands_name_active (name_active),
    -- #8 (brands of one customer) and the #12 cascade.
    KEY ix_brands_customer (customer_id, deleted_at),
    CONSTRAINT fk_brands_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_brands_code CHECK (code <> ''),
    CONSTRAINT ck_brands_name CHECK (name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_brands_updated_at
    BEFORE UPDATE ON brands
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS projects (
    id           INT          NOT NULL AUTO_INCREMENT,
    brand_id     INT          NOT NULL,
    -- Digits only ("601"); utf8mb4_bin so that uniqueness is exact.
    folio        VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name         VARCHAR(30)  NOT NULL,
    description  VARCHAR(255) NULL,
    -- The project lead ("grouper", "encargado del proyecto", §1 and §7); NULL = no leader.
    grouper_id   INT          NULL,
    status       TINYINT      NOT NULL DEFAULT 1,
    created_by   INT          NULL,
    created_at   DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at   DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    deleted_at   DATETIME(3)  NULL,
    name_active  VARCHAR(30)  AS (IF(deleted_at IS NULL, name, NULL)) PERSISTENT INVISIBLE,
    folio_active VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(deleted_at IS NULL, folio, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_projects_brand_name_active (brand_id, name_active),
    UNIQUE KEY uq_projects_folio_active (folio_active),
    -- #17 (projects of one brand) and the #12/#16 cascades use the unique key's brand_id prefix.
    KEY ix_projects_folio (folio),
    KEY ix_projects_grouper (grouper_id),
    CONSTRAINT fk_projects_brand FOREIGN KEY (brand_id) REFERENCES brands (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_projects_grouper FOREIGN KEY (grouper_id) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_projects_created_by FOREIGN KEY (created_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_projects_folio CHECK (folio REGEXP '^[0-9]+$'),
    CONSTRAINT ck_projects_name CHECK (name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_projects_updated_at
    BEFORE UPDATE ON projects
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
-- Collaborators of a project (#19/#20 EXT `collaborators`, which replaces the whole set). The links of a
-- project go with it if a project is ever hard-deleted; a user is only soft-deleted, so RESTRICT there.
CREATE TABLE IF NOT EXISTS project_collaborators (
    project_id INT         NOT NULL,
    user_id    INT         NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (project_id, user_id),
    KEY ix_project_collaborators_user (user_id),
    CONSTRAINT fk_project_collaborators_project FOREIGN KEY (project_id) REFERENCES projects (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_project_collaborators_user FOREIGN KEY (user_id) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
