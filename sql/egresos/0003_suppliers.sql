-- Egresos module: suppliers and their billing data (egresos.md §3.3, §3.4, §4, §10.2, §10.3; ruling 4).
-- Conventions: see the header of 0001_users.sql. Suppliers are never deleted by the API (no endpoint), and
-- they have no deleted_at: their unique keys are plain UNIQUE indexes.
--
-- suppliers
-- * email: unique (decision 25: it is the supplier's login, §10.2's JWT `sub`), case-insensitive.
-- * company_name: unique (#24 "unique:supplier,company_name"), case-insensitive.
-- * Password (§10.3, ruling 4): password_hash is bcrypt ($2b$, cost >= 10, through libxcrypt; hashes of the
--   original, $2a$/$2y$, keep working), NULL until the supplier sets one (#27; login then answers 4012).
--   password_changed_at (UTC) invalidates older supplier JWTs (iat < password_changed_at -> 4013).
-- * Password token (§10.3): only the sha256 of the 32-character token is stored, as 64 lower-case hex
--   digits, with its expiry instant (UTC, PASSWORD_TOKEN_TTL_HOURS after issue). One token per supplier: a
--   new one overwrites both columns; consuming it (#27) sets both to NULL. #27 finds the supplier by the
--   hash alone, so it is UNIQUE (a 256-bit collision is not a concern; the index is what matters).
--   Both columns are NULL or neither is (ck_suppliers_password_token).
--
-- billings: 1-1 with suppliers (uq_billings_supplier), upserted by #30. The doc's unique rules on name, rfc
-- and business_name run only when the row is created (#30), never on update, so they are the application's
-- checks and not unique indexes here (an index would turn a documented update into an error); plain
-- indexes serve those checks. A supplier's billing goes with it if a supplier is ever hard-deleted.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS suppliers (
    id                        INT           NOT NULL AUTO_INCREMENT,
    company_name              VARCHAR(100)  NOT NULL,
    contact_name              VARCHAR(100)  NOT NULL,
    email                     VARCHAR(100)  NOT NULL,
    phone                     VARCHAR(15)   NOT NULL,
    -- Free text, not checked against business_activities (§3.9 #63).
    business_activity         VARCHAR(255)  NOT NULL,
    payment_conditions        INT           NOT NULL DEFAULT 0,
    picture_path              VARCHAR(1024) NULL,
    password_hash             VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    password_changed_at       DATETIME(3)   NULL,
    password_token_hash       CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    password_token_expires_at DATETIME(3)   NULL,
    created_at                DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at                DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    UNIQUE KEY uq_suppliers_email (email),
    UNIQUE KEY uq_suppliers_company_name (company_name),
    UNIQUE KEY uq_suppliers_password_token_hash (password_token_hash),
    CONSTRAINT ck_suppliers_email CHECK (email <> '' AND email LIKE '%_@_%'),
    CONSTRAINT ck_suppliers_company_name CHECK (company_name <> ''),
    CONSTRAINT ck_suppliers_contact_name CHECK (contact_name <> ''),
    CONSTRAINT ck_suppliers_payment_conditions CHECK (payment_conditions BETWEEN 0 AND 365),
    CONSTRAINT ck_suppliers_password_hash CHECK (password_hash IS NULL OR password_hash LIKE '$2_$%'),
    CONSTRAINT ck_suppliers_password_token
        CHECK ((password_token_hash IS NULL) = (password_token_expires_at IS NULL)
               AND (password_token_hash IS NULL OR password_token_hash REGEXP '^[0-9a-f]{64}$'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_suppliers_updated_at
    BEFORE UPDATE ON suppliers
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS billings (
    id                       INT           NOT NULL AUTO_INCREMENT,
    supplier_id              INT           NOT NULL,
    name                     VARCHAR(100)  NOT NULL,
    contact_name             VARCHAR(100)  NOT NULL,
    contact_phone            VARCHAR(15)   NOT NULL,
    rfc                      VARCHAR(20)   NOT NULL,
    business_name            VARCHAR(100)  NOT NULL,
    banking_institution      VARCHAR(100)  NOT NULL,
    -- A digit string (decision 37: min/max count characters); a 25-digit CLABE fits.
    bank_account             VARCHAR(60)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    concept                  VARCHAR(255)  NOT NULL,
    account_status_file_path VARCHAR(1024) NULL,
    created_at               DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at               DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    UNIQUE KEY uq_billings_supplier (supplier_id),
    KEY ix_billings_name (name),
    KEY ix_billings_rfc (rfc),
    KEY ix_billings_business_name (business_name),
    CONSTRAINT fk_billings_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_billings_bank_account CHECK (bank_account REGEXP '^[0-9]+$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_billings_updated_at
    BEFORE UPDATE ON billings
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);
