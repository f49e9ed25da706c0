"""schemathesis's command line (`python3 launch.py run ...`), with one correction to the pinned version (4.32.5).

negative_data_rejection decides whether a mutated multipart/form-data body is still valid as sent by validating the
parts it reads back from the wire. A part sent as a file (it has a filename) it does not read back: it validates
the value it generated for it instead, which is not what was sent, so a case whose only "negation" was turned into
ordinary file bytes on the wire was reported as invalid data the server accepted. Two ways, both seen here: the
generated value is bytes, which its JSON Schema validator cannot read at all (`ValueError: Unsupported type:
'bytes'`, counted as invalid), or it is an object or a number, sent as a file holding its JSON text. Here a file part
is read back like a text part, as the text of its bytes (Latin-1, so any bytes are text): what the server received
is what is validated, and a `format: binary` field holds any file. Everything else is schemathesis's own.
"""

from __future__ import annotations

import sys
from email.parser import BytesParser
from email.policy import HTTP

from schemathesis.core import media_types
from schemathesis.specs.openapi import checks

_sent_form_fields = checks._sent_form_fields


def sent_form_fields(response, media_type):
    fields = _sent_form_fields(response, media_type)
    if fields is None or media_types.parse(media_type) != ("multipart", "form-data"):
        return fields
    content = response.request.body
    if isinstance(content, str):
        content = content.encode()
    content_type = response.request.headers.get("Content-Type", "")
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + content)
    files: dict[str, list[str]] = {}
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        if part.get_filename() is not None and isinstance(payload, bytes):
            files.setdefault(part.get_param("name", header="content-disposition"), []).append(payload.decode("latin-1"))
    for name, texts in files.items():
        if name in fields:
            # The same parts in the same order: the file parts' None become their text.
            file_texts = iter(texts)
            fields[name] = [next(file_texts, None) if text is None else text for text in fields[name]]
    return fields


checks._sent_form_fields = sent_form_fields

if __name__ == "__main__":
    from schemathesis.cli import schemathesis

    sys.argv[0] = "st"
    sys.exit(schemathesis())
