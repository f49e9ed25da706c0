-- Monitor module: the CHECK constraints a client value reaches say "blank" and "white space" exactly as the
-- application does (issue 12 §1, ruling 1: a client mistake is a 400 naming the field, never a 500).
--
-- 0001 wrote them as `col <> ''` and `NOT REGEXP '[[:space:]]'`. Under utf8mb4_unicode_ci (comentario.comentario)
-- `<>` compares collation weights, and every character the collation ignores (C0/C1 controls such as U+008D,
-- format characters) weighs nothing, so `'\u008d' <> ''` is false: the application accepted such a comment and the
-- insert failed with a CHECK violation (500). `[[:space:]]` is ASCII-only in MariaDB's PCRE2, while the
-- application refuses every Unicode space in a username. Both sides now use one list of code points: AppCore's
-- `Whitespace` (Unicode White_Space plus U+FEFF), spelled here as its `sqlCharacterClass`
-- (a test compares the two, so they cannot drift):
--   not blank        col REGEXP '[^<class>]'           (at least one character that is not white space)
--   no white space   col NOT REGEXP '[<class>]'        (and CHAR_LENGTH > 0 for "not empty")
-- REGEXP matches code points (PCRE2 in UTF mode), independent of the column's collation.
-- Rows written by the application already satisfy these: it trimmed and refused blank values with the same list.
--
-- The CHECKs a client value can reach, and the validation that mirrors each:
--   usuario.ck_usuario_username        register / PUT usuarios: "El usuario no puede contener espacios" (and required)
--   usuario.ck_usuario_rol             register / PUT usuarios: the three role names (Técnico → Tecnico), unchanged
--   expediente.ck_expediente_no_siniestro   POST expedientes: trimmed, blank → "El No. Siniestro es obligatorio"
--   comentario.ck_comentario_texto     POST comentarios: blank → "no_siniestro y comentario son obligatorios"
--   the boolean CHECKs (col IN (0, 1)) take only what the decoder makes of a JSON boolean; estado, ubicacion and
--   historial are written by the application and the procedure only; no API writes aseguradora.

SET NAMES utf8mb4;

ALTER TABLE usuario
    DROP CONSTRAINT ck_usuario_username,
    ADD CONSTRAINT ck_usuario_username CHECK (CHAR_LENGTH(username) > 0 AND username NOT REGEXP
        '[\\x{0009}-\\x{000D}\\x{0020}\\x{0085}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]');

ALTER TABLE expediente
    DROP CONSTRAINT ck_expediente_no_siniestro,
    ADD CONSTRAINT ck_expediente_no_siniestro CHECK (no_siniestro REGEXP
        '[^\\x{0009}-\\x{000D}\\x{0020}\\x{0085}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]');

ALTER TABLE comentario
    DROP CONSTRAINT ck_comentario_texto,
    ADD CONSTRAINT ck_comentario_texto CHECK (comentario REGEXP
        '[^\\x{0009}-\\x{000D}\\x{0020}\\x{0085}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]');
