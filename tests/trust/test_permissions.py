"""Every permission boundary in app/, checked on the real store (not by hidden buttons).

Three layers: the role matrix the issue asks for; each trust function called by each
role; and every app/ function that starts with `auth.require(ctx, ACTION)` (found by
reading the source, so new capabilities are covered as they land) refused for each role
that lacks ACTION, with nothing written.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from app import audit_view, auth, backup, kinds, users
from app.errors import PermissionDenied
from app.reports import transitions

APP = Path(__file__).resolve().parents[2] / "app"
ROLES = ("staff", "head", "admin")

# What the issue asks: staff enter and draft; head approves and signs; admin runs the PC.
EXPECTED = {
    "enter": {"staff", "head", "admin"},
    "draft": {"staff", "head", "admin"},
    "export": {"staff", "head", "admin"},
    "import": {"staff", "head", "admin"},
    "approve": {"head"},
    "sign": {"head"},
    "users": {"admin"},
    "keys": {"admin"},
    "settings": {"admin"},
    "backup": {"admin"},
    "audit": {"head", "admin"},
}


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(shared_office, as_role, role: str, action: str) -> None:
    ctx = as_role(shared_office, role)
    assert auth.can(ctx, action) == (role in EXPECTED[action])
    if role in EXPECTED[action]:
        auth.require(ctx, action)
    else:
        with pytest.raises(PermissionDenied) as info:
            auth.require(ctx, action)
        assert info.value.message.startswith("Tài khoản của bạn không có quyền ")


def test_matrix_covers_every_action_and_label() -> None:
    every = set().union(*auth.PERMISSIONS.values())
    assert every == set(EXPECTED)
    assert set(auth.ACTION_LABELS) >= every


def test_unknown_role_can_do_nothing(office, as_role) -> None:
    ctx = as_role(office, "guest")
    assert not any(auth.can(ctx, action) for action in EXPECTED)


def _trust_calls(tmp: Path) -> dict[str, tuple[str, object]]:
    return {
        "add_user": ("users", lambda c: users.add_user(c, "moi", "staff", "mat-khau-dai")),
        "list_users": ("users", lambda c: users.list_users(c)),
        "set_active": ("users", lambda c: users.set_active(c, "lan", False)),
        "set_role": ("users", lambda c: users.set_role(c, "lan", "head")),
        "reset_password": ("users", lambda c: users.change_password(c, "lan", "dat-lai-123")),
        "make_backup": ("backup", lambda c: backup.make_backup(c, tmp / "bk")),
        "set_backup_folder": ("backup", lambda c: backup.set_folder(c, tmp / "bk2", keep=3)),
        "set_backup_auto": ("backup", lambda c: backup.set_auto(c, False)),
        "set_idle_lock": ("settings", lambda c: users.set_idle_lock(c, 5)),
        "audit_entries": ("audit", lambda c: audit_view.entries(c)),
        "audit_choices": ("audit", lambda c: audit_view.choices(c)),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["add_user", "list_users", "set_active", "set_role", "reset_password",
                                  "make_backup", "set_backup_folder", "set_backup_auto", "set_idle_lock",
                                  "audit_entries", "audit_choices"])
def test_trust_functions_by_role(office, as_role, tmp_path: Path, role: str, name: str) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    users.add_user(office, "quantri", "admin", "mat-khau-dai")
    action, call = _trust_calls(tmp_path)[name]
    ctx = as_role(office, role, name="khac")
    before = _snapshot(office)
    if role in EXPECTED[action]:
        call(ctx)
    else:
        with pytest.raises(PermissionDenied):
            call(ctx)
        assert _snapshot(office) == before
        assert not (tmp_path / "bk").exists() and not (tmp_path / "bk2").exists()


def test_restore_needs_backup_permission(office, as_role, tmp_path: Path) -> None:
    made = backup.make_backup(office, tmp_path / "bk")
    for role in ("staff", "head"):
        with pytest.raises(PermissionDenied):
            backup.restore(made, ctx=as_role(office, role))
    assert office.db.execute("SELECT count(*) FROM office").fetchone()[0] == 1  # still open, untouched


def test_automatic_backup_runs_for_any_role(office, as_role, tmp_path: Path) -> None:
    backup.set_folder(office, tmp_path / "auto")
    assert backup.auto_backup(as_role(office, "staff"), "exit") is not None


def _snapshot(ctx) -> tuple:
    tables = [r[0] for r in ctx.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")]
    return tuple((t, ctx.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]) for t in sorted(tables))


def _guarded_functions() -> list[tuple[str, str, str]]:
    """(module, function, action) for every top-level app/ function whose first statement
    (after the docstring and local imports) is `auth.require(ctx, "<action>")` or loads a
    report for an action of app/reports/transitions.py (guarded by its rule), and the
    create/update of every declared record kind (app/kinds.py, guarded by the kind's
    permission) under the names its module binds them to."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        module = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _declares_kind(tree):
            found += _kind_writes(module)
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            body = [s for s in node.body if not isinstance(s, ast.Import | ast.ImportFrom)
                    and not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
            action = body and (_require_action(body[0]) or _report_action(body[0]))
            if action:
                found.append((module, node.name, action))
    return found


def _declares_kind(tree: ast.Module) -> bool:
    """A module-level `X = kinds.Kind(...)`."""
    return any(isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
               and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "Kind"
               for node in tree.body)


def _kind_writes(module: str) -> list[tuple[str, str, str]]:
    """The module's public names bound to a declared kind's create/update, with its permission."""
    found = []
    for name, value in vars(importlib.import_module(module)).items():
        kind = getattr(value, "__self__", None)
        if (not name.startswith("_") and isinstance(kind, kinds.Kind)
                and getattr(value, "__func__", None) in (kinds.Kind.create, kinds.Kind.update)):
            found.append((module, name, kind.permission))
    return found


def _report_action(stmt: ast.stmt) -> str | None:
    """`report = transitions.load(ctx, report_id, "<action>")`: the permission of that rule."""
    call = stmt.value if isinstance(stmt, ast.Assign | ast.Return) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name) and call.func.value.id == "transitions"
            and call.func.attr == "load" and len(call.args) == 3 and isinstance(call.args[2], ast.Constant)):
        return None
    return transitions.RULES[call.args[2].value].permission


def _require_action(stmt: ast.stmt) -> str | None:
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return None
    func, args = stmt.value.func, stmt.value.args
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "require" and len(args) == 2 and isinstance(args[1], ast.Constant):
        return str(args[1].value)
    return None


GUARDED = _guarded_functions()


def test_guarded_functions_are_found() -> None:
    names = {(m, f) for m, f, _ in GUARDED}
    assert ("app.users", "add_user") in names and ("app.collaborators.registry", "create") in names
    assert {(k.cls.__module__, f) for k in kinds.ALL.values() for f in ("create", "update")} <= names, \
        "every declared kind's writes are checked"
    assert {a for _, _, a in GUARDED} <= set(EXPECTED), "an action outside the permission table"


@pytest.mark.parametrize(("module", "function", "action"), GUARDED, ids=[f"{m}.{f}" for m, f, _ in GUARDED])
def test_every_guarded_function_refuses_roles_without_the_permission(shared_office, as_role, module: str,
                                                                     function: str, action: str) -> None:
    office = shared_office  # refusals write nothing (checked below), so one copy serves them all
    func = getattr(importlib.import_module(module), function)
    params = inspect.signature(func).parameters
    # "guest" (a role no table knows, as a tampered or half-migrated account would have) is
    # refused everywhere, so even functions every real role may call are exercised.
    lacking = [r for r in (*ROLES, "guest") if r not in EXPECTED[action]]
    for role in lacking:
        ctx = as_role(office, role)
        kwargs = {name: None for name, p in params.items()
                  if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        ctx_name = "ctx" if "ctx" in params else next(iter(params))
        kwargs[ctx_name] = ctx
        before = _snapshot(office)
        with pytest.raises(PermissionDenied):
            func(**kwargs)
        assert _snapshot(office) == before


def test_approval_and_signing_are_for_the_head_only(office, as_role) -> None:
    """Wherever the reports capability puts approve/sign, only a head passes the check."""
    for role in ROLES:
        ctx = as_role(office, role)
        assert auth.can(ctx, "approve") == auth.can(ctx, "sign") == (role == "head")


def test_only_a_head_approves_and_signs_a_real_report(demo_ctx, as_role) -> None:
    from app.reports import register, store

    draft = next((r for r in store.list_reports(demo_ctx) if r.status == "draft"), None)
    assert draft is not None, "the demo office has a draft report"
    staff, head, admin = (as_role(demo_ctx, role) for role in ROLES)
    register.submit(staff, draft.id)  # staff drafts and submits
    for who in (staff, admin):
        with pytest.raises(PermissionDenied):
            register.approve(who, draft.id)
    assert store.get(demo_ctx, draft.id).status == "submitted"
    register.approve(head, draft.id)
    for who in (staff, admin):
        with pytest.raises(PermissionDenied):
            register.sign(who, draft.id)
    assert store.get(demo_ctx, draft.id).status == "approved"
