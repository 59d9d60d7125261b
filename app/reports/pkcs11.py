"""Signing with a USB token (PKCS#11) instead of the office's software certificate.

Configured in settings: pkcs11_module (path of the token's PKCS#11 library, e.g.
C:\\Windows\\System32\\eps2003csp11.dll), optional pkcs11_token_label, pkcs11_key_label,
pkcs11_cert_label. The PIN comes from the caller (dialog) or DLXH_TOKEN_PIN. The token's
certificate (or its CA) must be enrolled with signing.enroll_certificate to verify.
"""

from __future__ import annotations

import os

from app.context import Ctx
from app.errors import DlxhError
from app.reports.report_settings import setting


def available() -> bool:
    """python-pkcs11 importable (it has wheels for Windows and Linux)."""
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return False
    return True


def configured(ctx: Ctx) -> bool:
    return bool(setting(ctx, "pkcs11_module"))


def check_token(ctx: Ctx) -> str | None:
    """Before the PIN is asked: None when no token is configured (the office certificate signs),
    else the label of the plugged-in token. Loading a vendor's library and scanning its slots
    can take a while (the GUI runs this on the worker); a token not plugged in, or a library
    that does not load, is refused here in Vietnamese instead of after the PIN."""
    module = setting(ctx, "pkcs11_module")
    if not module:
        return None
    if not available():
        raise DlxhError("Máy này thiếu thư viện python-pkcs11 nên chưa ký được bằng USB token.")
    import pkcs11

    wanted = setting(ctx, "pkcs11_token_label") or None
    try:
        tokens = list(pkcs11.lib(module).get_tokens(token_label=wanted))
    except Exception as exc:  # the vendor library's own errors: missing file, wrong architecture …
        raise DlxhError(f"Không nạp được thư viện USB token ({module}): {str(exc) or type(exc).__name__}") from exc
    if not tokens:
        raise DlxhError("Không thấy USB token" + (f" «{wanted}»" if wanted else "") +
                        ": hãy cắm token vào máy rồi ký lại.")
    return str(tokens[0].label).strip()


def token_signer(ctx: Ctx, pin: str | None = None):
    """A pyHanko signer bound to the configured token; the session stays open while signing."""
    module = setting(ctx, "pkcs11_module")
    if not module:
        raise DlxhError("Chưa cấu hình USB token: hãy nhập đường dẫn thư viện PKCS#11 trong phần Cài đặt.")
    if not available():
        raise DlxhError("Máy này thiếu thư viện python-pkcs11 nên chưa ký được bằng USB token.")
    from pyhanko.config.pkcs11 import TokenCriteria

    from app.reports import pyhanko_sign

    ph = pyhanko_sign.pkcs11()

    pin = pin or os.environ.get("DLXH_TOKEN_PIN")
    if not pin:
        raise DlxhError("Cần mã PIN của USB token (hoặc đặt biến môi trường DLXH_TOKEN_PIN).")
    try:
        criteria = TokenCriteria(label=setting(ctx, "pkcs11_token_label") or None)
        session = ph.open_pkcs11_session(module, token_criteria=criteria, user_pin=pin)
        # raw_mechanism: hash in software, the token only signs the digest; tokens without
        # the combined hash-and-sign mechanisms (SoftHSM's ECDSA, several USB tokens) work too.
        return ph.PKCS11Signer(session, key_label=setting(ctx, "pkcs11_key_label") or None,
                               cert_label=setting(ctx, "pkcs11_cert_label") or None, use_raw_mechanism=True)
    except Exception as exc:  # the token library's own errors: wrong PIN, token absent …
        raise DlxhError(f"Không mở được USB token: {str(exc) or type(exc).__name__}") from exc
