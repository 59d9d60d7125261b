"""pyHanko's signing package, imported without the one warning it raises on import.

`pyhanko.sign` imports cryptography's DSA key class to accept DSA keys; cryptography
deprecates DSA and warns about it on that import, so every `dlxh report sign`/`verify` printed
a `CryptographyDeprecationWarning` to the user's terminal. DLXH never signs or accepts DSA
(office certificates are ECDSA or the token's RSA), so that one warning, matched by category
and text, is silenced here and nowhere else; any other warning still surfaces (and fails the
tests, which turn warnings into errors). Import pyHanko's signing modules from here (or import
this module first): the import is lazy on purpose, it costs about half a second.
"""

from __future__ import annotations

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# A lasting filter, not `catch_warnings()`: that one swaps the process-wide filter list and
# puts it back, so an import on the worker thread while the UI thread did the same (or pytest
# between tests) could lose the filter and let the warning through to the terminal.
warnings.filterwarnings("ignore", message="DSA is deprecated", category=CryptographyDeprecationWarning)
from pyhanko.sign import fields, signers, validation  # noqa: E402 - after the filter on purpose

__all__ = ["fields", "pkcs11", "signers", "validation"]


def pkcs11():
    """pyHanko's PKCS#11 signer module; it needs python-pkcs11, so it is loaded only when a
    token is used (after the quiet import above, so it brings no warning either)."""
    from pyhanko.sign import pkcs11 as module

    return module
