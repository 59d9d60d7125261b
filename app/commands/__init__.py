"""CLI command modules. Each module defines `register(subparsers)`; app/cli.py finds them
by file name, so a capability adds its commands without editing a shared list."""
