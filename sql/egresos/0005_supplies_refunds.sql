-- Egresos module: supplies (insumos), refunds (reembolsos) and their expenses
-- (egresos.md §3.8, §4, §6.2, §7.2). Conventions: see the header of 0001_users.sql.
--
-- Layout: TWO tables, supplies and refunds, with the same columns (§4 allows one table with a `kind`
-- column; we do not take it). Reasons: the API keeps separate id sequences (/supplies/1 and /refunds/1
-- both exist, as the doc's examples do), every reference (expenses, comments, notifications) names the
-- kind in its column (supply_id / refund_id) exactly as §4 lists them, so a foreign key alone guarantees
-- that a supply id is a supply, and no query has to remember a `kind = ?` filter.
--
-- X.status (§7.2): the quotation's numbers, 0 draft, 1 with the leader, 2 with the directors, 3 approved,
-- 4 rejected. X is created by its first expense (#46/#54). Its context (customer_id, brand_id, project_id,
-- quotation_id) is all optional and filled by the application from the most specific reference sent
-- (quotation > project > brand > customer, §3.8). Customers, brands and projects are soft-deleted, so those
-- FKs are RESTRICT; a quotation is never deleted by the API, but if one were, the link is set to NULL
-- rather than losing the supply or refund.
--
-- expenses: exactly one parent, supply_id or refund_id (ck_expenses_parent), and the parent's hard delete
-- (#51/#59) deletes its expenses (ON DELETE CASCADE), as well as its comments (0006); notifications keep
-- their row with the reference set to NULL (0006). Deleting one expense (#48/#56) leaves X in place.
-- accepted_at / rejected_at are set on every expense by X's final approval / rejection (§7.2).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
-- Supplies (insumos): /api/v1/supplies.
CREATE TABLE IF NOT EXISTS supplies (
    id                   INT         NOT NULL AUTO_INCREMENT,
    created_by           INT         NOT NULL,
    customer_id          INT         NULL,
    brand_id             INT         NULL,
    project_id           INT         NULL,
    quotation_id         INT         NULL,
    status               TINYINT     NOT NULL DEFAULT 0,
    completed_at         DATETIME(3) NULL,
    accepted_at          DATETIME(3) NULL,
    rejected_at          DATETIME(3) NULL,
    leader_accepted_by   INT         NULL,
    leader_rejected_by   INT         NULL,
    director_accepted_by INT         NULL,
    director_rejected_by INT         NULL,
    created_at           DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at           DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    -- The report (approved supplies of a customer) and the resume (those linked to a quotation).
    KEY ix_supplies_customer (customer_id, status),
    KEY ix_supplies_brand (brand_id),
    KEY ix_supplies_project (project_id),
    KEY ix_supplies_quotation (quotation_id, status),
    KEY ix_supplies_created_by (created_by),
    CONSTRAINT fk_supplies_created_by FOREIGN KEY (created_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_brand FOREIGN KEY (brand_id) REFERENCES brands (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_project FOREIGN KEY (project_id) REFERENCES projects (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_quotation FOREIGN KEY (quotation_id) REFERENCES quotations (id)
        ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_leader_accepted_by FOREIGN KEY (leader_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_leader_rejected_by FOREIGN KEY (leader_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_director_accepted_by FOREIGN KEY (director_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_supplies_director_rejected_by FOREIGN KEY (director_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_supplies_status CHECK (status BETWEEN 0 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_supplies_updated_at
    BEFORE UPDATE ON supplies
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
-- Refunds (reembolsos): /api/v1/refunds. Same columns as supplies.
CREATE TABLE IF NOT EXISTS refunds (
    id                   INT         NOT NULL AUTO_INCREMENT,
    created_by           INT         NOT NULL,
    customer_id          INT         NULL,
    brand_id             INT         NULL,
    project_id           INT         NULL,
    quotation_id         INT         NULL,
    status               TINYINT     NOT NULL DEFAULT 0,
    completed_at         DATETIME(3) NULL,
    accepted_at          DATETIME(3) NULL,
    rejected_at          DATETIME(3) NULL,
    leader_accepted_by   INT         NULL,
    leader_rejected_by   INT         NULL,
    director_accepted_by INT         NULL,
    director_rejected_by INT         NULL,
    created_at           DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at           DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    -- The report (approved refunds of a customer) and the resume (those linked to a quotation).
    KEY ix_refunds_customer (customer_id, status),
    KEY ix_refunds_brand (brand_id),
    KEY ix_refunds_project (project_id),
    KEY ix_refunds_quotation (quotation_id, status),
    KEY ix_refunds_created_by (created_by),
    CONSTRAINT fk_refunds_created_by FOREIGN KEY (created_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_brand FOREIGN KEY (brand_id) REFERENCES brands (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_project FOREIGN KEY (project_id) REFERENCES projects (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_quotation FOREIGN KEY (quotation_id) REFERENCES quotations (id)
        ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_leader_accepted_by FOREIGN KEY (leader_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_leader_rejected_by FOREIGN KEY (leader_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_director_accepted_by FOREIGN KEY (director_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_refunds_director_rejected_by FOREIGN KEY (director_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_refunds_status CHECK (status BETWEEN 0 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_refunds_updated_at
    BEFORE UPDATE ON refunds
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS expenses (
    id                INT           NOT NULL AUTO_INCREMENT,
    supply_id         INT           NULL,
    refund_id         INT           NULL,
    supplier_id       INT           NOT NULL,
    concept           VARCHAR(512)  NOT NULL,
    comments          TEXT          NULL,
    cost_in_cents     BIGINT        NOT NULL,
    payment_method    ENUM('cash', 'direct_bank_transfer') NOT NULL DEFAULT 'cash',
    voucher_file_path VARCHAR(1024) NULL,
    accepted_at       DATETIME(3)   NULL,
    rejected_at       DATETIME(3)   NULL,
    created_at        DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at        DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_expenses_supply (supply_id),
    KEY ix_expenses_refund (refund_id),
    KEY ix_expenses_supplier (supplier_id),
    CONSTRAINT fk_expenses_supply FOREIGN KEY (supply_id) REFERENCES supplies (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_expenses_refund FOREIGN KEY (refund_id) REFERENCES refunds (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_expenses_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_expenses_parent CHECK ((supply_id IS NOT NULL) + (refund_id IS NOT NULL) = 1),
    CONSTRAINT ck_expenses_concept CHECK (concept <> ''),
    CONSTRAINT ck_expenses_cost CHECK (cost_in_cents >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_expenses_updated_at
    BEFORE UPDATE ON expenses
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);
