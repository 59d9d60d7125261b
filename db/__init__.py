"""The store: encrypted SQLite (SQLCipher) connections, keys and migrations. No Qt."""
