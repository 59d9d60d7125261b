-- 0004: the report register (document type code, yearly numbering, confidentiality mark,
-- signing mode, versions of signed reports) and the office's document-signing certificate.

ALTER TABLE reports ADD COLUMN doc_code TEXT NOT NULL DEFAULT 'BC';
ALTER TABLE reports ADD COLUMN number_year INTEGER;
ALTER TABLE reports ADD COLUMN confidentiality TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN signer_mode TEXT NOT NULL DEFAULT 'tm';
ALTER TABLE reports ADD COLUMN supersedes TEXT;
ALTER TABLE reports ADD COLUMN submitted_on TEXT;
ALTER TABLE reports ADD COLUMN approved_on TEXT;
ALTER TABLE reports ADD COLUMN signed_at TEXT;
ALTER TABLE reports ADD COLUMN sent_on TEXT;
ALTER TABLE reports ADD COLUMN meeting_id TEXT;

-- Numbers are unique per issuing office, document type and year ("Số 15-BC/BTGHU" once a year).
CREATE UNIQUE INDEX reports_number_unique ON reports(origin, doc_code, number_year, number)
    WHERE number IS NOT NULL;

-- The office's self-issued X.509 certificate for PAdES signatures. Local only (no origin
-- column, so the exchange never exports it): the private key (PKCS#8 PEM) lives only
-- inside this SQLCipher-encrypted database, protected by the same key as all the data.
CREATE TABLE office_certificates (
    fingerprint TEXT PRIMARY KEY,      -- sha256 of the DER certificate, hex
    subject TEXT NOT NULL,
    cert_pem TEXT NOT NULL,
    key_pem TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- Certificates of other offices trusted when verifying their signed PDFs (offline).
CREATE TABLE trusted_certificates (
    fingerprint TEXT PRIMARY KEY,
    unit_code TEXT,
    subject TEXT NOT NULL,
    cert_pem TEXT NOT NULL,
    enrolled_on TEXT NOT NULL
);
