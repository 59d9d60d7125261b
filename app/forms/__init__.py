"""Electronic forms (phiếu điện tử, DESIGN §7b): a survey or a collaborator's report as one
HTML file that seals each response in the browser to this office's age recipient, and the
import that opens, checks and stores those responses all or nothing.

Crypto choice: age (X25519, ChaCha20-Poly1305), the format the exchange packages already use,
to the same office recipient (app/exchange/keys.py), so the office's identity key never
leaves the PC and a stock `age -d -i KEY` opens a response. In the page it is typage (npm
`age-encryption`, by age's author; BSD-3) with @noble/@scure (MIT), bundled at build time by
scripts/build_form_js.sh (every version pinned by scripts/form-js/package-lock.json; the
rebuild must match the recorded SHA-256) into resources/forms/age-seal.min.js and inlined
into every form: no network request, no npm at run time. X25519 is forced onto @noble/curves (pure
JavaScript) rather than WebCrypto, which older in-app browsers lack and which plain-http
pages on a LAN do not get at all. HPKE (RFC 9180) was the other option the issue allowed;
age was chosen because the app already decrypts it with pyrage, the province IT officer
already checks it with the stock tool, and each response gets its own file key (as ODK's
encrypted forms do) without a second scheme to maintain. The Python side decrypts with
pyrage; age's header MAC and payload AEAD refuse any tampered byte.
"""
