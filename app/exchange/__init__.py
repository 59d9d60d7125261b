"""Exchange between offices without a network: identity cards, signed and encrypted
packages, all-or-nothing import, receipts. Byte formats are in docs/EXCHANGE.md."""
