-- Egresos module: quotations, supplier quotations and supplier payment schedules
-- (egresos.md §3.5, §3.7, §4, §6.4, §7.1, §7.3). Conventions: see the header of 0001_users.sql.
--
-- quotations.status (§7.1): 0 draft, 1 with the leader, 2 with the directors, 3 approved, 4 rejected
-- (terminal). The transitions and who may make them are the application's; the CHECK only keeps the
-- number in range. The reviewer columns are the §4 names (the output's grouper_*_by = leader_*_by).
-- project_start_date/project_end_date are DATETIME(3): sent as dates, stored as UTC midnight and returned as
-- instants (decision 50); the end may not precede the start (#33/#34 42215, also checked here).
-- quotations are never deleted by the API; projects are soft-deleted, so the project FK is RESTRICT.
--
-- Cascades (§3.5 #37, ruling 5): deleting a supplier quotation deletes its payment schedule rows
-- (fk_payment_schedules_supplier_quotation) and its comments (0006, fk_comments_supplier_quotation);
-- deleting a quotation would delete its supplier quotations, and so on down. Suppliers are RESTRICT.
--
-- payment_schedules (§6.4, §7.3): position keeps the request order; amounts are cents >= 0 that add up to the
-- supplier quotation's cost (the application's rule, 4224). paid and paid_at go together (EXT-7 sets both):
-- ck_payment_schedules_paid. billing_file_path/billing_uploaded_at are set by the supplier's upload (EXT-5/6).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS quotations (
    id                     INT           NOT NULL AUTO_INCREMENT,
    project_id             INT           NOT NULL,
    created_by             INT           NOT NULL,
    location               VARCHAR(512)  NULL,
    -- Days (decision 49); defaults to the customer's payment_conditions in the application (#33).
    payment_conditions     INT           NOT NULL DEFAULT 0,
    billing_date           DATE          NOT NULL,
    purchase_order         VARCHAR(200)  NULL,
    project_start_date     DATETIME(3)   NOT NULL,
    project_end_date       DATETIME(3)   NOT NULL,
    -- Price to the client (income), cents.
    cost_in_cents          BIGINT        NOT NULL,
    priority               ENUM('low', 'medium', 'urgent') NOT NULL DEFAULT 'low',
    quotation_file_path    VARCHAR(1024) NULL,
    confirmation_file_path VARCHAR(1024) NULL,
    status                 TINYINT       NOT NULL DEFAULT 0,
    completed_at           DATETIME(3)   NULL,
    accepted_at            DATETIME(3)   NULL,
    rejected_at            DATETIME(3)   NULL,
    leader_accepted_by     INT           NULL,
    leader_rejected_by     INT           NULL,
    director_accepted_by   INT           NULL,
    director_rejected_by   INT           NULL,
    created_at             DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at             DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    -- #43 (quotations of one project) and the report (approved quotations per project).
    KEY ix_quotations_project (project_id, status),
    KEY ix_quotations_status (status),
    CONSTRAINT fk_quotations_project FOREIGN KEY (project_id) REFERENCES projects (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_quotations_created_by FOREIGN KEY (created_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_quotations_leader_accepted_by FOREIGN KEY (leader_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_quotations_leader_rejected_by FOREIGN KEY (leader_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_quotations_director_accepted_by FOREIGN KEY (director_accepted_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_quotations_director_rejected_by FOREIGN KEY (director_rejected_by) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_quotations_payment_conditions CHECK (payment_conditions BETWEEN 0 AND 365),
    CONSTRAINT ck_quotations_cost CHECK (cost_in_cents >= 0),
    CONSTRAINT ck_quotations_dates CHECK (project_end_date >= project_start_date),
    CONSTRAINT ck_quotations_status CHECK (status BETWEEN 0 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_quotations_updated_at
    BEFORE UPDATE ON quotations
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS supplier_quotations (
    id                  INT           NOT NULL AUTO_INCREMENT,
    quotation_id        INT           NOT NULL,
    supplier_id         INT           NOT NULL,
    concept             VARCHAR(512)  NOT NULL,
    cost_in_cents       BIGINT        NOT NULL,
    -- Free text (#35 "comments"); the comment thread is the comments table.
    comments            TEXT          NULL,
    quotation_file_path VARCHAR(1024) NULL,
    created_at          DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at          DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_supplier_quotations_quotation (quotation_id),
    -- #31 (a supplier's bills).
    KEY ix_supplier_quotations_supplier (supplier_id),
    CONSTRAINT fk_supplier_quotations_quotation FOREIGN KEY (quotation_id) REFERENCES quotations (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_supplier_quotations_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_supplier_quotations_concept CHECK (concept <> ''),
    CONSTRAINT ck_supplier_quotations_cost CHECK (cost_in_cents >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_supplier_quotations_updated_at
    BEFORE UPDATE ON supplier_quotations
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS payment_schedules (
    id                    INT           NOT NULL AUTO_INCREMENT,
    supplier_quotation_id INT           NOT NULL,
    position              INT           NOT NULL,
    amount                BIGINT        NOT NULL,
    payment_method        ENUM('cash', 'direct_bank_transfer') NOT NULL,
    payment_date          DATE          NOT NULL,
    billing_date          DATE          NULL,
    billing_file_path     VARCHAR(1024) NULL,
    billing_uploaded_at   DATETIME(3)   NULL,
    paid                  BOOLEAN       NOT NULL DEFAULT 0,
    paid_at               DATE          NULL,
    created_at            DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at            DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_payment_schedules_supplier_quotation (supplier_quotation_id, position),
    -- #45 calendar and #31 bills are ordered by payment_date.
    KEY ix_payment_schedules_payment_date (payment_date),
    CONSTRAINT fk_payment_schedules_supplier_quotation
        FOREIGN KEY (supplier_quotation_id) REFERENCES supplier_quotations (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_payment_schedules_position CHECK (position >= 0),
    CONSTRAINT ck_payment_schedules_amount CHECK (amount >= 0),
    CONSTRAINT ck_payment_schedules_paid CHECK (paid IN (0, 1) AND (paid = 0) = (paid_at IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_payment_schedules_updated_at
    BEFORE UPDATE ON payment_schedules
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);
