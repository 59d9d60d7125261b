"""Collaborators (CTV): the registry core. Network features live in sibling modules."""

from app.collaborators.registry import (  # noqa: F401
    Collaborator,
    CollaboratorFilter,
    create,
    get,
    list_collaborators,
    update,
)
