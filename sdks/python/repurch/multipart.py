"""multipart/form-data bodies built with the standard library (for file uploads)."""
import uuid
from typing import Mapping, Tuple


def encode_multipart(fields: Mapping[str, str], files: Mapping[str, Tuple[str, bytes, str]]) -> Tuple[str, bytes]:
    """Returns (Content-Type, body) for text `fields` and `files` given as name -> (filename, bytes, content type)."""
    boundary = "repurch-" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote(name)}"\r\n\r\n'.encode("utf-8")
                     + value.encode("utf-8") + b"\r\n")
    for name, (filename, content, kind) in files.items():
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote(name)}"; filename="{_quote(filename)}"\r\n'
                f"Content-Type: {kind}\r\n\r\n")
        parts.append(head.encode("utf-8") + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode("utf-8"))
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


def _quote(value: str) -> str:
    # The HTML form encoding: quotes and line breaks in names are percent-escaped.
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
