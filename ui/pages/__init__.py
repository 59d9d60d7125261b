"""One module per page: `ui/pages/<name>.py` defines `Page(PageBase)`."""
