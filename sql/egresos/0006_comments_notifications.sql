-- Egresos module: comments and notifications (egresos.md §3.5, §3.6, §3.8, §3.9, §4, §7.4).
-- Conventions: see the header of 0001_users.sql. As §4 lists them, both tables have created_at and no
-- updated_at: a comment is never edited, and a notification only gets read_at / mail_sended_at.
--
-- comments hang off exactly one of a quotation (the #39/#41/#52... review messages), a supplier quotation
-- (#44), a supply or a refund (#52/#53, #60/#61): ck_comments_parent. Each parent FK is ON DELETE CASCADE,
-- so deleting a supplier quotation (#37) or a supply/refund (#51/#59) deletes its comments with it.
-- The author (user_id) is a staff user (soft-deleted only: RESTRICT).
--
-- notifications (§7.4): one row per recipient. `to` and `from` are the §4 names and reserved words:
-- always write them as `to` and `from` with backticks. `to` is required; `from` (the actor) may be NULL.
-- The reference matching type_of is filled by the application (decision 34); each reference is
-- ON DELETE SET NULL, so the notification survives the deletion of its quotation, supply or refund
-- (§3.8 #51/#59, ruling 5) and then points at nothing. "At most one reference, the one type_of names" is
-- the application's rule: MariaDB refuses a CHECK on a column that an ON DELETE SET NULL action writes
-- (error 1901), and the SET NULL is the contract.
-- status is one of the four values of §7.4 (`submited` sic). #65 lists a user's live notifications newest
-- first: ix_notifications_to (`to`, deleted_at, id).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS comments (
    id                    INT         NOT NULL AUTO_INCREMENT,
    quotation_id          INT         NULL,
    supplier_quotation_id INT         NULL,
    supply_id             INT         NULL,
    refund_id             INT         NULL,
    user_id               INT         NOT NULL,
    status                ENUM('good', 'bad', 'info') NOT NULL DEFAULT 'info',
    -- May be empty (#39 "message" min:0; #44 defaults to "").
    message               TEXT        NOT NULL DEFAULT '',
    created_at            DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_comments_quotation (quotation_id),
    KEY ix_comments_supplier_quotation (supplier_quotation_id),
    KEY ix_comments_supply (supply_id),
    KEY ix_comments_refund (refund_id),
    KEY ix_comments_user (user_id),
    CONSTRAINT fk_comments_quotation FOREIGN KEY (quotation_id) REFERENCES quotations (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_comments_supplier_quotation FOREIGN KEY (supplier_quotation_id)
        REFERENCES supplier_quotations (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_comments_supply FOREIGN KEY (supply_id) REFERENCES supplies (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_comments_refund FOREIGN KEY (refund_id) REFERENCES refunds (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_comments_user FOREIGN KEY (user_id) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_comments_parent
        CHECK ((quotation_id IS NOT NULL) + (supplier_quotation_id IS NOT NULL)
               + (supply_id IS NOT NULL) + (refund_id IS NOT NULL) = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS notifications (
    id             INT          NOT NULL AUTO_INCREMENT,
    `to`           INT          NOT NULL,
    `from`         INT          NULL,
    type_of        ENUM('quotation', 'supply', 'refund') NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    quotation_id   INT          NULL,
    supply_id      INT          NULL,
    refund_id      INT          NULL,
    -- TEXT, not §4's VARCHAR(512): a rejection appends the reviewer's reason (" Motivo: {message}", §7.4),
    -- which has no maximum (#41/#53 "min:0" only); a long reason must not make the rejection fail (ruling 1).
    message        TEXT         NOT NULL,
    read_at        DATETIME(3)  NULL,
    deleted_at     DATETIME(3)  NULL,
    mail_sended_at DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_notifications_to (`to`, deleted_at, id),
    KEY ix_notifications_from (`from`),
    KEY ix_notifications_quotation (quotation_id),
    KEY ix_notifications_supply (supply_id),
    KEY ix_notifications_refund (refund_id),
    CONSTRAINT fk_notifications_to FOREIGN KEY (`to`) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_notifications_from FOREIGN KEY (`from`) REFERENCES users (id)
        ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_notifications_quotation FOREIGN KEY (quotation_id) REFERENCES quotations (id)
        ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT fk_notifications_supply FOREIGN KEY (supply_id) REFERENCES supplies (id)
        ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT fk_notifications_refund FOREIGN KEY (refund_id) REFERENCES refunds (id)
        ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT ck_notifications_status CHECK (status IN ('submited', 'accepted', 'approved', 'rejected'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
