"""The local S3-compatible server of the test and local stacks (ruling M14): moto's S3 in server mode, behind a
front that checks AWS SigV4 the way a real store does, because moto itself accepts any signature and never
expires a presigned URL. Every request must be signed for the configured key pair: an Authorization header
(SigV4, its payload hash checked against the body unless UNSIGNED-PAYLOAD) or a presigned query string, whose
X-Amz-Date + X-Amz-Expires must not have passed by this server's clock (403 AccessDenied "Request has expired").
The buckets (BUCKET may be a comma-separated list) are created at start through the front itself, signed by
botocore (AWS's own signer), so a start also proves the front accepts a correct signature.

--public-read BUCKET/PREFIX (repeatable) stands in for a bucket policy that lets anyone GET or HEAD the objects
under that prefix (what nginx proxies `/evidencias/` and `/files/` to with STORAGE_BACKEND=s3, issue 18): an
unsigned GET or HEAD of `/BUCKET/PREFIX...` is served; everything else (another prefix, a listing, any other
method) still needs a valid signature. --deny-public-read BUCKET/GLOB (repeatable, fnmatch: `*` spans `/`) takes
objects back out of it, as a bucket policy's Deny statement does (Monitor's forms, `evidencias/*/FORMATOS/*`, which
go out only through the API).

usage: s3_server.py [--public-read BUCKET/PREFIX]... [--deny-public-read BUCKET/GLOB]... PORT BUCKET[,BUCKET...] REGION ACCESS_KEY_ID SECRET_ACCESS_KEY
"""
import datetime
import fnmatch
import hashlib
import hmac
import sys
import threading
import time
import urllib.parse

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server


def _hmac(key, text):
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _encode(text, keep_slash):
    return urllib.parse.quote(text, safe="-_.~" + ("/" if keep_slash else ""))


class SigV4Front:
    def __init__(self, app, access_key, secret, region, public_read=(), deny_public_read=()):
        self.app, self.access_key, self.secret, self.region = app, access_key, secret, region
        self.public_read = tuple("/" + prefix.lstrip("/") for prefix in public_read)
        self.deny_public_read = tuple("/" + glob.lstrip("/") for glob in deny_public_read)

    def is_public(self, environ):
        """An anonymous GET or HEAD of an object under a public-read prefix (no listing: the path names an object)."""
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD") or environ.get("HTTP_AUTHORIZATION") or environ.get("QUERY_STRING"):
            return False
        path = urllib.parse.unquote(environ.get("PATH_INFO", ""))
        if "/../" in path or path.endswith("/..") or path.endswith("/"):
            return False
        if any(fnmatch.fnmatchcase(path, glob) for glob in self.deny_public_read):
            return False
        return any(path.startswith(prefix) and len(path) > len(prefix) for prefix in self.public_read)

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0) or 0) if environ.get("CONTENT_LENGTH") else b""
        public = self.is_public(environ)
        problem = None if public else self.check(environ, body)
        if public:
            # moto refuses an anonymous read of a private object itself: hand it on as the owner's, which is what
            # the bucket policy grants (moto checks no signature).
            environ["HTTP_AUTHORIZATION"] = (f"AWS4-HMAC-SHA256 Credential={self.access_key}/20000101/{self.region}/s3/aws4_request, "
                                             "SignedHeaders=host, Signature=0")
        if problem:
            code, message = problem
            xml = f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message></Error>'.encode()
            start_response("403 Forbidden", [("Content-Type", "application/xml"), ("Content-Length", str(len(xml)))])
            return [xml]
        import io
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)

    def signature(self, day, stamp, canonical):
        scope = f"{day}/{self.region}/s3/aws4_request"
        to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        key = ("AWS4" + self.secret).encode()
        for part in (day, self.region, "s3", "aws4_request"):
            key = _hmac(key, part)
        return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()

    def canonical(self, environ, query_pairs, signed_headers, payload_hash):
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI") or _encode(environ.get("PATH_INFO", "/"), True)
        path = raw.split("?", 1)[0]
        query = "&".join(f"{_encode(k, False)}={_encode(v, False)}" for k, v in sorted(query_pairs))
        headers = []
        for name in signed_headers:
            key = "HTTP_" + name.upper().replace("-", "_")
            value = environ.get(key, "")
            if name == "host":
                value = environ.get("HTTP_HOST", "")
            elif name == "content-length":
                value = environ.get("CONTENT_LENGTH", "")
            elif name == "content-type":
                value = environ.get("CONTENT_TYPE", "")
            headers.append(f"{name}:{' '.join(value.strip().split())}")
        return "\n".join([environ["REQUEST_METHOD"], path, query, "\n".join(headers), "", ";".join(signed_headers), payload_hash])

    def check(self, environ, body):
        pairs = urllib.parse.parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        query = dict(pairs)
        if "X-Amz-Signature" in query:
            credential = query.get("X-Amz-Credential", "").split("/")
            if len(credential) != 5 or credential[0] != self.access_key:
                return ("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
            stamp = query.get("X-Amz-Date", "")
            try:
                signed_at = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc).timestamp()
                expires = int(query.get("X-Amz-Expires", ""))
            except ValueError:
                return ("AuthorizationQueryParametersError", "X-Amz-Date or X-Amz-Expires is malformed")
            rest = [(k, v) for k, v in pairs if k != "X-Amz-Signature"]
            canonical = self.canonical(environ, rest, query.get("X-Amz-SignedHeaders", "").split(";"), "UNSIGNED-PAYLOAD")
            if not hmac.compare_digest(self.signature(credential[1], stamp, canonical), query["X-Amz-Signature"]):
                return ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
            if time.time() > signed_at + expires:
                return ("AccessDenied", "Request has expired")
            return None
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        if not authorization.startswith("AWS4-HMAC-SHA256 "):
            return ("AccessDenied", "Access Denied")
        fields = dict(part.strip().split("=", 1) for part in authorization[len("AWS4-HMAC-SHA256 "):].split(","))
        credential = fields.get("Credential", "").split("/")
        if len(credential) != 5 or credential[0] != self.access_key:
            return ("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
        payload_hash = environ.get("HTTP_X_AMZ_CONTENT_SHA256", "")
        if payload_hash != "UNSIGNED-PAYLOAD" and payload_hash != hashlib.sha256(body).hexdigest():
            return ("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
        canonical = self.canonical(environ, pairs, fields.get("SignedHeaders", "").split(";"), payload_hash)
        if not hmac.compare_digest(self.signature(credential[1], environ.get("HTTP_X_AMZ_DATE", ""), canonical), fields.get("Signature", "")):
            return ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
        return None


def main():
    args, public_read, deny_public_read = sys.argv[1:], [], []
    while args and args[0] in ("--public-read", "--deny-public-read"):
        (public_read if args[0] == "--public-read" else deny_public_read).append(args[1])
        args = args[2:]
    port, buckets, region, access_key, secret = int(args[0]), args[1].split(","), args[2], args[3], args[4]
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server("127.0.0.1", port, SigV4Front(app, access_key, secret, region, public_read, deny_public_read), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    import boto3
    from botocore.config import Config
    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name=region, aws_access_key_id=access_key,
                          aws_secret_access_key=secret, config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
    for bucket in buckets:
        if region == "us-east-1":
            client.create_bucket(Bucket=bucket)
        else:
            client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    print(f"s3 server on 127.0.0.1:{port}, buckets {', '.join(buckets)} ready (public read: {', '.join(public_read) or 'none'})", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
