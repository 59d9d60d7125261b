"""Opinion items (thông tin dư luận) and the topics they are grouped under."""
