// The one function a DLXH form page calls: seal a response to the office's age recipient.
// Bundled with typage (npm `age-encryption`) by scripts/build_form_js.sh into age-seal.min.js.
import { Encrypter, armor } from "age-encryption";
import { forceWebCryptoOff } from "./node_modules/age-encryption/dist/x25519.js";

// X25519 always through @noble/curves (pure JavaScript), never WebCrypto: older Chromium
// (Zalo's in-app browser) has no WebCrypto X25519, and a page served over plain http on the
// office's LAN is not a secure context, so crypto.subtle is missing there altogether (typage's
// own fallback catches only "not supported", not a missing crypto.subtle). One scalar
// multiplication per response costs a few milliseconds. Random bytes come from
// crypto.getRandomValues, which every context has.
forceWebCryptoOff(true);

export async function seal(recipient, bytes) {
  const e = new Encrypter();
  e.addRecipient(recipient);
  const sealed = await e.encrypt(bytes);
  return { bytes: sealed, armored: armor.encode(sealed) };
}
